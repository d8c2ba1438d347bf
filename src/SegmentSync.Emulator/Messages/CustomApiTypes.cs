using System;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>The CLR type each Custom API field type carries.</summary>
internal static class CustomApiTypes
{
    public static bool Matches(CustomApiFieldType type, object value)
    {
        return type switch
        {
            CustomApiFieldType.Boolean => value is bool,
            CustomApiFieldType.DateTime => value is DateTime,
            CustomApiFieldType.Decimal => value is decimal,
            CustomApiFieldType.Entity => value is Entity,
            CustomApiFieldType.EntityCollection => value is EntityCollection,
            CustomApiFieldType.EntityReference => value is EntityReference,
            CustomApiFieldType.Float => value is double,
            CustomApiFieldType.Integer => value is int,
            CustomApiFieldType.Money => value is Money,
            CustomApiFieldType.Picklist => value is OptionSetValue,
            CustomApiFieldType.String => value is string,
            CustomApiFieldType.StringArray => value is string[],
            CustomApiFieldType.Guid => value is Guid,
            _ => false,
        };
    }
}
