using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using nietras.SeparatedValues;
using SegmentSync.Emulator;

namespace SegmentSync.WebApi;

/// <summary>
/// Contacts from a CSV with a header: <c>contactid</c> (optional; a new id when empty), and any other contact
/// columns by logical name (fullname, firstname, lastname, emailaddress1). Contacts that already exist are kept.
/// </summary>
public static class ContactSeedFile
{
    /// <summary>Seeds the file's contacts that do not exist yet; returns how many were added.</summary>
    public static int Seed(InMemoryDataverse dataverse, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The seed file {path} does not exist.", path);
        var table = dataverse.Metadata.Table("contact");
        var contacts = new List<Entity>();
        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path))
        {
            var header = reader.Header.ColNames;
            var columns = header.Select(name => table.Column(name.Trim().ToLowerInvariant())
                ?? throw new InvalidDataException($"{Path.GetFileName(path)}: contact has no column \"{name}\"; use logical names such as contactid, fullname, firstname, lastname, emailaddress1.")).ToList();
            foreach (var row in reader)
            {
                var contact = new Entity("contact");
                for (var i = 0; i < columns.Count && i < row.ColCount; i++)
                {
                    var text = row[i].ToString().Trim();
                    if (text.Length == 0) continue;
                    if (columns[i].Kind == ColumnKind.PrimaryKey)
                    {
                        contact.Id = Guid.TryParse(text.StartsWith("crm", StringComparison.OrdinalIgnoreCase) ? text[3..] : text, out var id)
                            ? id
                            : throw new InvalidDataException($"{Path.GetFileName(path)} line {row.LineNumberFrom}: \"{text}\" is not a GUID.");
                    }
                    else
                    {
                        contact[columns[i].LogicalName] = columns[i].Kind is ColumnKind.String or ColumnKind.Memo ? text : ODataJson.FromJson(columns[i], System.Text.Json.Nodes.JsonValue.Create(text));
                    }
                }

                if (!contact.Contains("fullname") && (contact.Contains("firstname") || contact.Contains("lastname")))
                    contact["fullname"] = new StringBuilder().AppendJoin(' ', new[] { contact.GetAttributeValue<string>("firstname"), contact.GetAttributeValue<string>("lastname") }.Where(s => s is not null)).ToString();
                contacts.Add(contact);
            }
        }

        var service = dataverse.GetService();
        var existing = new HashSet<Guid>();
        foreach (var chunk in contacts.Where(c => c.Id != Guid.Empty).Select(c => (object)c.Id).Chunk(1000))
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("contactid") };
            query.Criteria.AddCondition("contactid", ConditionOperator.In, chunk);
            foreach (var found in service.RetrieveMultiple(query).Entities) existing.Add(found.Id);
        }

        return dataverse.Seed("contact", contacts.Where(c => c.Id == Guid.Empty || existing.Add(c.Id)));
    }
}
