using System;
using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// The run history's message column: the run's current message on the first line, then its notes (retried calls),
    /// one a line, oldest first. Status changes replace the first line and keep the notes.
    /// </summary>
    public static class RunMessage
    {
        public const int MaxLength = 4000;

        public static string? Join(string? message, IReadOnlyList<string> notes)
        {
            if (notes.Count == 0)
            {
                return message == null ? null : Clip(message, MaxLength);
            }

            var headline = Clip(message ?? string.Empty, 1000);
            var kept = notes.Select(n => Clip(n, 1000)).ToList();
            var omitted = 0;
            while (kept.Count > 1 && Length(headline, kept, omitted) > MaxLength)
            {
                kept.RemoveAt(0);
                omitted++;
            }

            var lines = new List<string> { headline };
            if (omitted > 0)
            {
                lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, "({0} earlier note(s) omitted)", omitted));
            }

            lines.AddRange(kept);
            return Clip(string.Join("\n", lines), MaxLength);
        }

        /// <summary>The first line: the run's current message.</summary>
        public static string? Headline(string? stored)
        {
            if (stored == null)
            {
                return null;
            }

            var end = stored.IndexOf('\n');
            return end < 0 ? stored : stored.Substring(0, end);
        }

        /// <summary>The notes below the first line (an omission marker included, so it survives the next write).</summary>
        public static List<string> Notes(string? stored) =>
            stored == null ? new List<string>() : stored.Split('\n').Skip(1).Where(line => line.Length > 0).ToList();

        private static int Length(string headline, List<string> notes, int omitted) =>
            headline.Length + notes.Sum(n => n.Length + 1) + (omitted > 0 ? 40 : 0);

        private static string Clip(string text, int max) => text.Length <= max ? text : text.Substring(0, max);
    }
}
