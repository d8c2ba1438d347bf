using System;
using System.Globalization;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// What a caller sends in the request's optional <c>tag</c> parameter (the plug-in reads it as the shared variable
    /// "tag") when it sends an import call again after the earlier attempt failed or its response was lost:
    /// <c>segsync-retry;attempt=2;error=-2147204783</c>. A failed call rolls back everything it wrote, so only the caller
    /// knows it failed; with this the run history records it.
    /// </summary>
    public static class RetryTag
    {
        public const string SharedVariable = "tag";
        public const string Prefix = "segsync-retry";

        /// <summary>The tag for attempt <paramref name="attempt"/> (2 or more); <paramref name="errorCode"/> is the earlier attempt's Dataverse error code, 0 when it had none (a timeout).</summary>
        public static string Format(int attempt, int errorCode) =>
            string.Format(CultureInfo.InvariantCulture, "{0};attempt={1};error={2}", Prefix, attempt, errorCode);

        /// <summary>Reads a tag; false for anything else (a tag a caller uses for its own purposes).</summary>
        public static bool TryParse(object? tag, out int attempt, out int errorCode)
        {
            attempt = 0;
            errorCode = 0;
            var text = tag as string;
            if (text == null || !text.StartsWith(Prefix + ";", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var part in text.Substring(Prefix.Length + 1).Split(';'))
            {
                var pair = part.Split(new[] { '=' }, 2);
                if (pair.Length != 2)
                {
                    continue;
                }

                if (pair[0] == "attempt")
                {
                    int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out attempt);
                }
                else if (pair[0] == "error")
                {
                    int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out errorCode);
                }
            }

            return attempt >= 2;
        }

        /// <summary>How the run history shows an error code: 0x80044151, or "no response" for 0.</summary>
        public static string Describe(int errorCode) =>
            errorCode == 0 ? "no response (a timeout)" : "error 0x" + errorCode.ToString("X8", CultureInfo.InvariantCulture);
    }
}
