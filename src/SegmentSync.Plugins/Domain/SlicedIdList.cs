using System;
using System.Collections;
using System.Collections.Generic;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>
    /// A list of ids stored in slices (a stored plan: 40,000 ids a record) that decodes a slice only when one of its ids
    /// is read, and then keeps it. A continuation call sends a few hundred requests' worth of a plan that may hold a
    /// million ids; decoding only the slices those requests use saves most of the call's CPU and allocations.
    /// </summary>
    /// <remarks>Lives for one plug-in call (it caches what it decoded), so it is never shared between threads.</remarks>
    public sealed class SlicedIdList : IReadOnlyList<Guid>
    {
        private readonly IReadOnlyList<Func<List<Guid>>> _decoders;
        private readonly int[] _starts;
        private readonly List<Guid>?[] _decoded;

        /// <param name="slices">Each slice's id count and how to decode it, in order.</param>
        public SlicedIdList(IReadOnlyList<KeyValuePair<int, Func<List<Guid>>>> slices)
        {
            _starts = new int[slices.Count + 1];
            var decoders = new List<Func<List<Guid>>>(slices.Count);
            for (var i = 0; i < slices.Count; i++)
            {
                _starts[i + 1] = _starts[i] + slices[i].Key;
                decoders.Add(slices[i].Value);
            }

            _decoders = decoders;
            _decoded = new List<Guid>?[slices.Count];
        }

        public int Count => _starts[_starts.Length - 1];

        /// <summary>How many slices were decoded so far.</summary>
        public int DecodedSlices
        {
            get
            {
                var count = 0;
                foreach (var slice in _decoded)
                {
                    count += slice == null ? 0 : 1;
                }

                return count;
            }
        }

        public Guid this[int index]
        {
            get
            {
                if (index < 0 || index >= Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                var slice = SliceOf(index);
                return Slice(slice)[index - _starts[slice]];
            }
        }

        public IEnumerator<Guid> GetEnumerator()
        {
            for (var slice = 0; slice < _decoders.Count; slice++)
            {
                foreach (var id in Slice(slice))
                {
                    yield return id;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private List<Guid> Slice(int slice)
        {
            var ids = _decoded[slice];
            if (ids == null)
            {
                ids = _decoders[slice]();
                var expected = _starts[slice + 1] - _starts[slice];
                if (ids.Count != expected)
                {
                    throw new SegmentSyncDataException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                        "Staged ids are corrupt: a slice declared {0} ids and holds {1}.", expected, ids.Count));
                }

                _decoded[slice] = ids;
            }

            return ids;
        }

        // The last slice whose start is at or before the index (binary search over the starts).
        private int SliceOf(int index)
        {
            int low = 0, high = _decoders.Count - 1;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (_starts[middle] <= index)
                {
                    low = middle;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return low;
        }
    }
}
