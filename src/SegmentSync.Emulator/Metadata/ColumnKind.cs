namespace SegmentSync.Emulator;

/// <summary>The Dataverse attribute types the emulator models; each decides which SDK value type a column accepts.</summary>
public enum ColumnKind
{
    /// <summary>The table's primary key (uniqueidentifier, set by Create).</summary>
    PrimaryKey,

    /// <summary>Single line of text: string.</summary>
    String,

    /// <summary>Multiple lines of text: string.</summary>
    Memo,

    /// <summary>Whole number: int.</summary>
    Integer,

    /// <summary>Big integer: long.</summary>
    BigInt,

    /// <summary>Decimal number: decimal.</summary>
    Decimal,

    /// <summary>Currency: Money.</summary>
    Money,

    /// <summary>Two options: bool.</summary>
    Boolean,

    /// <summary>Date and time: DateTime, stored as UTC.</summary>
    DateTime,

    /// <summary>Unique identifier: Guid.</summary>
    Guid,

    /// <summary>Choice: OptionSetValue.</summary>
    Picklist,

    /// <summary>statecode: OptionSetValue.</summary>
    State,

    /// <summary>statuscode: OptionSetValue.</summary>
    Status,

    /// <summary>Lookup (also ownerid, createdby, modifiedby): EntityReference.</summary>
    Lookup,
}
