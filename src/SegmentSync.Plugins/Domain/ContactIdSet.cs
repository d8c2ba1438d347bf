using System;
using System.Collections.Generic;

namespace SegmentSync.Plugins.Domain
{
    /// <summary>Distinct contact ids of one call, and how many duplicates collapsed.</summary>
    public sealed class ContactIdSet
    {
        public ContactIdSet(HashSet<Guid> ids, int duplicates)
        {
            Ids = ids;
            Duplicates = duplicates;
        }

        public HashSet<Guid> Ids { get; }
        public int Duplicates { get; }
        public int Count => Ids.Count;
    }
}
