using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// Parses the contact ids of an export: GUIDs in any standard .NET format, optionally with the Journeys "crm"
    /// prefix. Duplicates collapse. One invalid id rejects the whole list, so a typo never silently shrinks a segment.
    /// </summary>
    public static class ContactIdParser
    {
        public const string JourneysPrefix = "crm";
        private const int OffendersShown = 5;

        /// <summary>Parses every id; throws <see cref="ImportValidationException"/> naming the first offenders.</summary>
        public static ContactIdSet Parse(IReadOnlyList<string?> values, string parameterName)
        {
            var ids = new HashSet<Guid>();
            var offenders = new List<string>();
            var positions = new List<string>();
            var invalidCount = 0;
            for (var position = 0; position < values.Count; position++)
            {
                if (TryParse(values[position], out var id))
                {
                    ids.Add(id);
                    continue;
                }

                invalidCount++;
                if (offenders.Count < OffendersShown)
                {
                    offenders.Add(string.Format(CultureInfo.InvariantCulture, "position {0}: {1}", position + 1, Describe(values[position])));
                    positions.Add((position + 1).ToString(CultureInfo.InvariantCulture));
                }
            }

            if (invalidCount > 0)
            {
                var more = invalidCount > offenders.Count ? "; ..." : string.Empty;
                throw new ImportValidationException(
                    string.Format(CultureInfo.InvariantCulture,
                        "{0} has {1} value(s) that are not contact ids (a GUID, optionally prefixed with \"crm\"): {2}{3}. Nothing was changed.",
                        parameterName, invalidCount, string.Join("; ", offenders), more),
                    string.Format(CultureInfo.InvariantCulture,
                        "{0} has {1} value(s) that are not contact ids, at position(s) {2}{3} (values not traced).",
                        parameterName, invalidCount, string.Join(", ", positions), more));
            }

            return new ContactIdSet(ids, values.Count - ids.Count);
        }

        /// <summary>Parses one id; false for anything that is not exactly one GUID (the empty GUID included).</summary>
        public static bool TryParse(string? value, out Guid id)
        {
            id = Guid.Empty;
            if (value == null)
            {
                return false;
            }

            var text = value.Trim();
            if (text.StartsWith(JourneysPrefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(JourneysPrefix.Length);
            }

            // Guid.TryParse would also trim inner whitespace ("crm  <guid>"); an id is one token.
            if (text.Length == 0 || char.IsWhiteSpace(text[0]) || !Guid.TryParse(text, out id))
            {
                return false;
            }

            return id != Guid.Empty;
        }

        private static string Describe(string? value)
        {
            if (value == null)
            {
                return "(null)";
            }

            if (value.Length == 0)
            {
                return "(empty)";
            }

            const int shown = 60;
            var builder = new StringBuilder("\"");
            foreach (var c in value.Length > shown ? value.Substring(0, shown) : value)
            {
                // Control characters are shown escaped so the message itself stays one clean line.
                builder.Append(char.IsControl(c) ? string.Format(CultureInfo.InvariantCulture, "\\u{0:x4}", (int)c) : c.ToString());
            }

            return builder.Append(value.Length > shown ? "...\"" : "\"").ToString();
        }
    }
}
