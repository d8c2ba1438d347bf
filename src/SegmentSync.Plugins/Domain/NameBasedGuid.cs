using System;
using System.Security.Cryptography;
using System.Text;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// RFC 4122 version-5 (SHA-1, name-based) GUIDs: the same name always gives the same id, which makes the record of
    /// a retried batch collide with the first one instead of duplicating it.
    /// </summary>
    public static class NameBasedGuid
    {
        public static Guid Create(Guid namespaceId, string name)
        {
            var namespaceBytes = ToNetworkOrder(namespaceId.ToByteArray());
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var input = new byte[namespaceBytes.Length + nameBytes.Length];
            Buffer.BlockCopy(namespaceBytes, 0, input, 0, namespaceBytes.Length);
            Buffer.BlockCopy(nameBytes, 0, input, namespaceBytes.Length, nameBytes.Length);

            byte[] hash;
            using (var sha1 = SHA1.Create())
            {
                hash = sha1.ComputeHash(input);
            }

            var result = new byte[16];
            Array.Copy(hash, result, 16);
            result[6] = (byte)((result[6] & 0x0F) | 0x50);
            result[8] = (byte)((result[8] & 0x3F) | 0x80);
            return new Guid(ToNetworkOrder(result));
        }

        // Guid.ToByteArray is little-endian in its first three fields; RFC 4122 hashes big-endian bytes.
        private static byte[] ToNetworkOrder(byte[] bytes)
        {
            var copy = (byte[])bytes.Clone();
            Array.Reverse(copy, 0, 4);
            Array.Reverse(copy, 4, 2);
            Array.Reverse(copy, 6, 2);
            return copy;
        }
    }
}
