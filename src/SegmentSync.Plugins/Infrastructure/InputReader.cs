using System.Globalization;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Domain;

namespace SegmentSync.Plugins.Infrastructure
{
    /// <summary>Reads Custom API input parameters with a clear refusal for a value of the wrong type.</summary>
    public static class InputReader
    {
        public static T? Get<T>(ParameterCollection input, string name)
        {
            if (!input.TryGetValue(name, out var value) || value == null)
            {
                return default;
            }

            if (value is T typed)
            {
                return typed;
            }

            throw new ImportValidationException(string.Format(CultureInfo.InvariantCulture,
                "{0} has a value of type {1}; the API expects {2}.", name, value.GetType().Name, typeof(T).Name));
        }
    }
}
