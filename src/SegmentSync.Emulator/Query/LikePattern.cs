using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SegmentSync.Emulator;

/// <summary>SQL LIKE patterns (% any run, _ one character, [abc] / [^abc] sets) as case-insensitive regular expressions.</summary>
internal static class LikePattern
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new();

    public static bool Matches(string value, string pattern) => Cache.GetOrAdd(pattern, Compile).IsMatch(value.TrimEnd(' '));

    /// <summary>Escapes a literal so that it matches itself inside a LIKE pattern (for BeginsWith and friends).</summary>
    public static string Escape(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        foreach (var c in literal)
        {
            if (c is '%' or '_' or '[') builder.Append('[').Append(c).Append(']');
            else builder.Append(c);
        }

        return builder.ToString();
    }

    private static Regex Compile(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%': builder.Append(".*"); break;
                case '_': builder.Append('.'); break;
                case '[':
                    var end = pattern.IndexOf(']', i + 1);
                    if (end < 0) { builder.Append(@"\["); break; }
                    var set = pattern.Substring(i + 1, end - i - 1);
                    builder.Append('[').Append(set.StartsWith('^') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = end;
                    break;
                default: builder.Append(Regex.Escape(c.ToString())); break;
            }
        }

        builder.Append('$');
        return new Regex(builder.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
