using System;
using System.Collections.Generic;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>Consecutive slices of a list (Enumerable.Chunk is not in .NET Framework 4.6.2).</summary>
    public static class Chunks
    {
        public static IEnumerable<List<T>> Of<T>(IReadOnlyList<T> items, int size)
        {
            if (size < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(size));
            }

            for (var start = 0; start < items.Count; start += size)
            {
                var chunk = new List<T>(Math.Min(size, items.Count - start));
                for (var i = start; i < items.Count && i < start + size; i++)
                {
                    chunk.Add(items[i]);
                }

                yield return chunk;
            }
        }
    }
}
