using System;
using System.IO;
using System.Runtime.Serialization.Json;
using System.Text;
using SegmentSync.Plugins.Domain;

namespace SegmentSync.Plugins.Targets
{
    /// <summary>
    /// Reads and writes the JSON Journeys keeps in text columns and message responses with DataContractJsonSerializer,
    /// the serializer the sandbox has without a third-party library.
    /// </summary>
    internal static class JsonContract
    {
        /// <summary>
        /// The object <paramref name="json"/> describes. Malformed text makes the serializer throw many exception types
        /// (an unbalanced closing bracket even an IndexOutOfRangeException from its reader), so every one of them but the
        /// process-fatal ones becomes a <see cref="SegmentSyncDataException"/> that starts with <paramref name="notWhatWeRead"/>.
        /// </summary>
        public static T? Read<T>(string json, string notWhatWeRead) where T : class
        {
            try
            {
                using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
                {
                    return (T?)new DataContractJsonSerializer(typeof(T)).ReadObject(stream);
                }
            }
            catch (Exception e) when (!(e is OutOfMemoryException || e is StackOverflowException || e is AccessViolationException))
            {
                throw new SegmentSyncDataException(notWhatWeRead + e.Message, e);
            }
        }

        public static string Write<T>(T value)
        {
            using (var stream = new MemoryStream())
            {
                new DataContractJsonSerializer(typeof(T)).WriteObject(stream, value);
                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }
    }
}
