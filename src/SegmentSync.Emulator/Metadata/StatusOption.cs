namespace SegmentSync.Emulator;

/// <summary>One valid statecode/statuscode pair of a table.</summary>
/// <param name="State">The statecode value.</param>
/// <param name="Status">The statuscode value (unique within the table).</param>
/// <param name="IsDefaultForState">True for the status a record gets when only its state is set (one per state).</param>
public sealed record StatusOption(int State, int Status, bool IsDefaultForState);
