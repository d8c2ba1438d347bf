using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// The rule Dataverse applies to a Custom API that is Enabled for Workflow ("Use a custom API in a workflow",
    /// learn.microsoft.com, power-apps/developer/data-platform/custom-api): it must be an action, not a function, and
    /// its request parameters and response properties may only use the types the workflow designer supports.
    /// </summary>
    public static class ClassicWorkflowSupport
    {
        /// <summary>Types a classic workflow can pass or read (EntityReference only on an entity-bound API).</summary>
        public static IReadOnlyCollection<ApiFieldType> SupportedTypes => new[]
        {
            ApiFieldType.Boolean, ApiFieldType.DateTime, ApiFieldType.Decimal, ApiFieldType.EntityReference, ApiFieldType.Float,
            ApiFieldType.Integer, ApiFieldType.Money, ApiFieldType.Picklist, ApiFieldType.String, ApiFieldType.Guid,
        };

        /// <summary>Why <paramref name="api"/> could not be enabled for workflow; empty when it can.</summary>
        public static IReadOnlyList<string> Problems(CustomApiDescriptor api)
        {
            var problems = new List<string>();
            if (api.IsFunction)
            {
                problems.Add(api.UniqueName + " is a function; a workflow-enabled Custom API must be an action.");
            }

            Check(api, "request parameter", api.RequestParameters, problems);
            Check(api, "response property", api.ResponseProperties, problems);
            return problems;
        }

        private static void Check(CustomApiDescriptor api, string kind, IEnumerable<ApiField> fields, List<string> problems)
        {
            foreach (var field in fields)
            {
                // SegmentSync's APIs are unbound (binding type Global), where workflows refuse EntityReference too.
                if (!SupportedTypes.Contains(field.Type) || field.Type == ApiFieldType.EntityReference)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2} is {3}, a type classic workflows do not support.",
                        api.UniqueName, kind, field.UniqueName, field.Type));
                }
            }
        }

        public static bool Qualifies(CustomApiDescriptor api) => Problems(api).Count == 0;
    }
}
