namespace SegmentSync.Client.Export;

/// <summary>The state of the source segment in Customer Insights - Data. Only Active segments are exported.</summary>
public enum SourceSegmentStatus
{
    Active,
    Draft,
    Inactive,
}

/// <summary>What SegmentSync is told about a source segment with every batch.</summary>
public sealed record SegmentInfo(string Id, string Name, string Url, DateTime ExportedOn, SourceSegmentStatus Status = SourceSegmentStatus.Active);

/// <summary>One segment of an export: its metadata and where its member contact ids are.</summary>
public sealed record ExportedSegment(SegmentInfo Info, IContactIdSource Source);

/// <summary>
/// A re-readable stream of contact ids (one per exported row). Reading streams: a file of any size is read with a
/// small, bounded buffer. An unusable file fails with <see cref="ExportFormatException"/>.
/// </summary>
public interface IContactIdSource
{
    /// <summary>What is read, for messages ("members.csv", "model.json entity HighValue (2 partitions)").</summary>
    string Description { get; }

    /// <summary>Identifies this content: the same files with the same sizes and times give the same fingerprint.</summary>
    string Fingerprint { get; }

    /// <summary>Reads every row: the contact id as written (null for an empty cell) and where it is.</summary>
    IEnumerable<ContactIdRow> Read();
}

/// <summary>A row of an export: its contact id text (null when the cell is empty) and its location for messages.</summary>
public readonly record struct ContactIdRow(string? Value, string File, long Line);

/// <summary>An export that cannot be used; nothing was sent.</summary>
public sealed class ExportFormatException(string message) : Exception(message);
