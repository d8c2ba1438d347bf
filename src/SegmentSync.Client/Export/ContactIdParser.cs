namespace SegmentSync.Client.Export;

/// <summary>Contact ids as the Custom API accepts them: a GUID in any .NET format, optionally prefixed with "crm".</summary>
public static class ContactIdParser
{
    public static bool TryParse(ReadOnlySpan<char> text, out Guid id)
    {
        text = text.Trim();
        if (text.StartsWith("crm", StringComparison.OrdinalIgnoreCase)) text = text[3..];
        return Guid.TryParse(text, out id) && id != Guid.Empty;
    }
}
