using System;

namespace Microsoft.Xrm.Sdk;

[AttributeUsage(AttributeTargets.Property)]
public sealed class RelationshipSchemaNameAttribute : Attribute
{
    public RelationshipSchemaNameAttribute(string schemaName)
    {
        SchemaName = schemaName;
    }

    public RelationshipSchemaNameAttribute(string schemaName, EntityRole primaryEntityRole)
    {
        SchemaName = schemaName;
        PrimaryEntityRole = primaryEntityRole;
    }

    public string SchemaName { get; }

    public EntityRole? PrimaryEntityRole { get; }
}
