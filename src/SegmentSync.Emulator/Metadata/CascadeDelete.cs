namespace SegmentSync.Emulator;

/// <summary>What deleting a referenced record does to the records that point to it (1:N relationships).</summary>
public enum CascadeDelete
{
    /// <summary>The referencing records are deleted too.</summary>
    Cascade,

    /// <summary>The referencing records' lookup is cleared.</summary>
    RemoveLink,

    /// <summary>The delete fails while any record points to the referenced one.</summary>
    Restrict,
}
