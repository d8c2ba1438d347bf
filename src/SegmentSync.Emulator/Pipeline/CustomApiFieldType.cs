namespace SegmentSync.Emulator;

/// <summary>Custom API parameter and response property types, with Dataverse's type codes.</summary>
public enum CustomApiFieldType
{
    /// <summary>bool.</summary>
    Boolean = 0,

    /// <summary>DateTime.</summary>
    DateTime = 1,

    /// <summary>decimal.</summary>
    Decimal = 2,

    /// <summary>Entity.</summary>
    Entity = 3,

    /// <summary>EntityCollection.</summary>
    EntityCollection = 4,

    /// <summary>EntityReference.</summary>
    EntityReference = 5,

    /// <summary>double.</summary>
    Float = 6,

    /// <summary>int.</summary>
    Integer = 7,

    /// <summary>Money.</summary>
    Money = 8,

    /// <summary>OptionSetValue.</summary>
    Picklist = 9,

    /// <summary>string.</summary>
    String = 10,

    /// <summary>string[].</summary>
    StringArray = 11,

    /// <summary>Guid.</summary>
    Guid = 12,
}
