using System;
using System.Collections.Generic;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// Stores a list of ids in a memo column compactly: base64 of their 16-byte forms, about 21.3 characters an id
    /// instead of 36, so 40,000 ids fit one 1,048,576-character column.
    /// </summary>
    public static class CompactIdCodec
    {
        public static int EncodedLength(int idCount) => (idCount * 16 + 2) / 3 * 4;

        /// <summary>How many ids <paramref name="encoded"/> holds, without decoding it.</summary>
        public static int CountOf(string? encoded)
        {
            if (string.IsNullOrEmpty(encoded))
            {
                return 0;
            }

            var padding = encoded!.EndsWith("==", StringComparison.Ordinal) ? 2 : encoded.EndsWith("=", StringComparison.Ordinal) ? 1 : 0;
            var bytes = encoded.Length / 4 * 3 - padding;
            if (encoded.Length % 4 != 0 || bytes % 16 != 0)
            {
                throw new SegmentSyncDataException("Staged ids are corrupt: their length is not that of whole 16-byte ids in base64.");
            }

            return bytes / 16;
        }

        public static string Encode(IReadOnlyCollection<Guid> ids)
        {
            var bytes = new byte[ids.Count * 16];
            var offset = 0;
            foreach (var id in ids)
            {
                Buffer.BlockCopy(id.ToByteArray(), 0, bytes, offset, 16);
                offset += 16;
            }

            return Convert.ToBase64String(bytes);
        }

        public static List<Guid> Decode(string? encoded)
        {
            var result = new List<Guid>();
            if (string.IsNullOrEmpty(encoded))
            {
                return result;
            }

            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(encoded);
            }
            catch (FormatException e)
            {
                throw new SegmentSyncDataException("Staged ids are corrupt: they are not base64 text.", e);
            }

            if (bytes.Length % 16 != 0)
            {
                throw new SegmentSyncDataException("Staged ids are corrupt: their length is not a multiple of 16 bytes.");
            }

            var buffer = new byte[16];
            for (var offset = 0; offset < bytes.Length; offset += 16)
            {
                Buffer.BlockCopy(bytes, offset, buffer, 0, 16);
                result.Add(new Guid(buffer));
            }

            return result;
        }
    }
}
