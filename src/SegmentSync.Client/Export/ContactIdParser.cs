namespace SegmentSync.Client.Export;

/// <summary>Contact ids as the Custom API accepts them: a GUID in any .NET format, optionally prefixed with "crm".</summary>
public static class ContactIdParser
{
    public static bool TryParse(ReadOnlySpan<char> text, out Guid id)
    {
        id = Guid.Empty;
        text = text.Trim();
        if (text.StartsWith("crm", StringComparison.OrdinalIgnoreCase)) text = text[3..];
        // As the plug-in: an id is one token, so "crm <guid>" is not one (Guid.TryParse alone would trim the space).
        if (text.IsEmpty || char.IsWhiteSpace(text[0])) return false;
        return Guid.TryParse(text, out id) && id != Guid.Empty;
    }
}
