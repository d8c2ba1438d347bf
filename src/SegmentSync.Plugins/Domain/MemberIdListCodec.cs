using System;
using System.Collections.Generic;
using System.Text;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// The Journeys member-id list: a JSON array of contact id strings, as msdyncrm_segmentmemberids and the
    /// include/exclude messages carry it. Written without a JSON library because the plug-in has no third-party
    /// dependency and the shape is fixed.
    /// </summary>
    public static class MemberIdListCodec
    {
        /// <summary>Characters one id adds to a list: quotes, 36 characters, comma; plus the prefix when written.</summary>
        public static int CharactersPerId(bool withPrefix) => 36 + 2 + 1 + (withPrefix ? ContactIdParser.JourneysPrefix.Length : 0);

        /// <summary>Length of the serialized list of <paramref name="count"/> ids.</summary>
        public static long SerializedLength(long count, bool withPrefix) =>
            count == 0 ? 2 : 2 + count * CharactersPerId(withPrefix) - 1;

        /// <summary>How many ids fit a list of at most <paramref name="maxLength"/> characters.</summary>
        public static int MaxIdsWithin(int maxLength, bool withPrefix) => (maxLength - 1) / CharactersPerId(withPrefix);

        public static string Serialize(IEnumerable<Guid> ids, bool withPrefix)
        {
            var builder = new StringBuilder("[");
            var first = true;
            foreach (var id in ids)
            {
                if (!first)
                {
                    builder.Append(',');
                }

                builder.Append('"');
                if (withPrefix)
                {
                    builder.Append(ContactIdParser.JourneysPrefix);
                }

                builder.Append(id.ToString("D")).Append('"');
                first = false;
            }

            return builder.Append(']').ToString();
        }

        /// <summary>
        /// Reads a list; false when the text is not a JSON array of contact id strings (then it does not hold the
        /// static list, and the caller must know the membership another way).
        /// </summary>
        public static bool TryParse(string? json, out List<Guid> ids)
        {
            ids = new List<Guid>();
            if (json == null)
            {
                return false;
            }

            var reader = new Reader(json);
            if (!reader.TryConsume('['))
            {
                return false;
            }

            if (reader.TryConsume(']'))
            {
                return reader.AtEnd();
            }

            do
            {
                if (!reader.TryReadString(out var text) || !ContactIdParser.TryParse(text, out var id))
                {
                    return false;
                }

                ids.Add(id);
            }
            while (reader.TryConsume(','));

            return reader.TryConsume(']') && reader.AtEnd();
        }

        private sealed class Reader
        {
            private readonly string _text;
            private int _position;

            public Reader(string text) => _text = text;

            public bool TryConsume(char expected)
            {
                SkipWhitespace();
                if (_position < _text.Length && _text[_position] == expected)
                {
                    _position++;
                    return true;
                }

                return false;
            }

            public bool AtEnd()
            {
                SkipWhitespace();
                return _position == _text.Length;
            }

            public bool TryReadString(out string value)
            {
                value = string.Empty;
                if (!TryConsume('"'))
                {
                    return false;
                }

                var end = _text.IndexOf('"', _position);
                // Contact ids never need escapes; a backslash means this is not a list we wrote or Journeys wrote.
                if (end < 0 || _text.IndexOf('\\', _position, end - _position) >= 0)
                {
                    return false;
                }

                value = _text.Substring(_position, end - _position);
                _position = end + 1;
                return true;
            }

            private void SkipWhitespace()
            {
                while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
                {
                    _position++;
                }
            }
        }
    }
}
