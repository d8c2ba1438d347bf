using System;
using System.Globalization;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// Checks a call before anything is read or written, so a bad call fails fast with a message that names the
    /// parameter and the problem, and changes nothing.
    /// </summary>
    public static class ImportRequestValidator
    {
        /// <summary>Earlier exports are refused as clock errors (and Dataverse stores no date before 1753).</summary>
        public static readonly DateTime EarliestExportedOn = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // Characters RFC 3986 does not allow unencoded anywhere in a URL (a string: a static array could be changed).
        private const string UnsafeUrlCharacters = " <>\"{}|\\^`";

        public static ImportRequest Validate(ImportRequestInput input, DateTime nowUtc)
        {
            var externalId = RequireText(input.ExternalSegmentId, SegmentImportApi.ExternalSegmentId, Limits.MaxExternalIdLength);
            var name = RequireText(input.SegmentName, SegmentImportApi.SegmentName, Limits.MaxNameLength);
            var url = RequireUrl(input.ExternalSegmentUrl);
            var exportedOn = RequireExportedOn(input.ExportedOn, nowUtc);
            ValidateBatch(input, out var batchNumber, out var batchCount);

            if (input.ContactIds == null)
            {
                throw Fail("{0} is required (it may be an empty list).", SegmentImportApi.ContactIds);
            }

            if (input.ContactIds.Count > Limits.MaxContactIdsPerCall)
            {
                throw Fail("{0} has {1} ids; at most {2} are accepted in one call. Send the export in batches with {3}, {4} and {5}.",
                    SegmentImportApi.ContactIds, input.ContactIds.Count, Limits.MaxContactIdsPerCall,
                    SegmentImportApi.ImportId, SegmentImportApi.BatchNumber, SegmentImportApi.BatchCount);
            }

            var ids = ContactIdParser.Parse(input.ContactIds, SegmentImportApi.ContactIds);
            return new ImportRequest(externalId, name, url, exportedOn, ids, input.ImportId, batchNumber, batchCount);
        }

        private static void ValidateBatch(ImportRequestInput input, out int batchNumber, out int batchCount)
        {
            if (input.ImportId == null)
            {
                if ((input.BatchCount ?? 1) != 1 || (input.BatchNumber ?? 1) != 1)
                {
                    throw Fail("{0} and {1} need an {2}: a multi-batch import is identified by its {2}.",
                        SegmentImportApi.BatchNumber, SegmentImportApi.BatchCount, SegmentImportApi.ImportId);
                }

                batchNumber = 1;
                batchCount = 1;
                return;
            }

            if (input.ImportId == Guid.Empty)
            {
                throw Fail("{0} must not be the empty GUID.", SegmentImportApi.ImportId);
            }

            if (input.BatchCount == null || input.BatchNumber == null)
            {
                throw Fail("An import with {0} needs both {1} and {2}.", SegmentImportApi.ImportId, SegmentImportApi.BatchNumber, SegmentImportApi.BatchCount);
            }

            var count = input.BatchCount.Value;
            var number = input.BatchNumber.Value;
            if (count < 1 || count > Limits.MaxBatchCount)
            {
                throw Fail("{0} is {1}; it must be between 1 and {2}.", SegmentImportApi.BatchCount, count, Limits.MaxBatchCount);
            }

            if (number < 1 || number > count)
            {
                throw Fail("{0} is {1}; it must be between 1 and {2} ({3}).", SegmentImportApi.BatchNumber, number, count, SegmentImportApi.BatchCount);
            }

            batchNumber = number;
            batchCount = count;
        }

        private static string RequireText(string? value, string parameter, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Fail("{0} is required and must not be blank.", parameter);
            }

            var text = value!;
            if (text.Length > maxLength)
            {
                throw Fail("{0} is {1} characters long; at most {2} are allowed.", parameter, text.Length, maxLength);
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                {
                    throw Fail("{0} contains a control character (U+{1:X4}) at position {2}.", parameter, (int)c, i + 1);
                }

                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                {
                    // Bidirectional overrides and zero-width characters make a name display as something it is not.
                    throw Fail("{0} contains an invisible formatting character (U+{1:X4}) at position {2}.", parameter, (int)c, i + 1);
                }

                if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                {
                    throw Fail("{0} is not valid text: a broken character (U+{1:X4}) at position {2}.", parameter, (int)c, i + 1);
                }

                if (c == '<' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!' || text[i + 1] == '?'))
                {
                    throw Fail("{0} contains markup (\"<{1}\" at position {2}); it is shown in Journeys and in the run history, so tags are not accepted.", parameter, text[i + 1], i + 1);
                }
            }

            if (text.Trim().Length != text.Length)
            {
                throw Fail("{0} must not start or end with spaces.", parameter);
            }

            if (text[0] == '=' || text[0] == '@')
            {
                // A spreadsheet opening an export of the run history would run it as a formula.
                throw Fail("{0} must not start with \"{1}\" (a spreadsheet would read it as a formula).", parameter, text[0]);
            }

            return text;
        }

        private static string RequireUrl(string? value)
        {
            var text = RequireText(value, SegmentImportApi.ExternalSegmentUrl, Limits.MaxUrlLength);
            var unsafeAt = -1;
            for (var i = 0; i < text.Length && unsafeAt < 0; i++)
            {
                unsafeAt = UnsafeUrlCharacters.IndexOf(text[i]) >= 0 ? i : -1;
            }

            if (unsafeAt >= 0)
            {
                throw Fail("{0} contains \"{1}\" at position {2}, which a URL must not contain unencoded.", SegmentImportApi.ExternalSegmentUrl, text[unsafeAt], unsafeAt + 1);
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host))
            {
                throw new ImportValidationException(
                    string.Format(CultureInfo.InvariantCulture, "{0} must be an absolute http or https URL; got \"{1}\".", SegmentImportApi.ExternalSegmentUrl, text),
                    SegmentImportApi.ExternalSegmentUrl + " must be an absolute http or https URL (value not traced).");
            }

            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                // Credentials would be stored on the segment and shown to every maker; the message does not repeat them.
                throw Fail("{0} must not contain a user name or password (\"user:password@\" before the host).", SegmentImportApi.ExternalSegmentUrl);
            }

            return text;
        }

        private static DateTime RequireExportedOn(DateTime? value, DateTime nowUtc)
        {
            if (value == null || value.Value == default(DateTime))
            {
                throw Fail("{0} is required.", SegmentImportApi.ExportedOn);
            }

            var utc = value.Value.Kind == DateTimeKind.Local ? value.Value.ToUniversalTime() : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc);
            if (utc < EarliestExportedOn)
            {
                throw Fail("{0} is {1}, before {2}: no export is that old; check the source's clock and time zone.",
                    SegmentImportApi.ExportedOn, RefreshDescription.Iso(utc), RefreshDescription.Iso(EarliestExportedOn));
            }

            if (utc > nowUtc.AddMinutes(Limits.MaxExportedOnSkewMinutes))
            {
                throw Fail("{0} is {1}, later than the server's clock ({2}); check the source's clock and time zone.",
                    SegmentImportApi.ExportedOn, RefreshDescription.Iso(utc), RefreshDescription.Iso(nowUtc));
            }

            // Dataverse keeps date and time to the second: compare exports as it will store them.
            return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }

        private static ImportValidationException Fail(string format, params object[] args) =>
            new ImportValidationException(string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
