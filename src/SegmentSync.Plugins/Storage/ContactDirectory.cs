using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Storage
{
    /// <summary>Which contact ids exist: one indexed query per 5,000 ids, never one request per id.</summary>
    public sealed class ContactDirectory
    {
        private readonly IOrganizationService _service;

        public ContactDirectory(IOrganizationService service) => _service = service;

        public static int QueriesFor(int idCount) => (idCount + Limits.ExistenceCheckChunk - 1) / Limits.ExistenceCheckChunk;

        public HashSet<Guid> FindExisting(IReadOnlyCollection<Guid> ids)
        {
            var existing = new HashSet<Guid>();
            foreach (var chunk in Chunk(ids, Limits.ExistenceCheckChunk))
            {
                var query = new QueryExpression(ContactTable.LogicalName)
                {
                    ColumnSet = new ColumnSet(ContactTable.PrimaryId),
                    PageInfo = new PagingInfo { Count = Limits.ExistenceCheckChunk, PageNumber = 1 },
                };
                query.Criteria.AddCondition(ContactTable.PrimaryId, ConditionOperator.In, chunk.Cast<object>().ToArray());
                foreach (var contact in _service.RetrieveMultiple(query).Entities)
                {
                    existing.Add(contact.Id);
                }
            }

            return existing;
        }

        private static IEnumerable<List<Guid>> Chunk(IEnumerable<Guid> ids, int size)
        {
            var chunk = new List<Guid>(size);
            foreach (var id in ids)
            {
                chunk.Add(id);
                if (chunk.Count == size)
                {
                    yield return chunk;
                    chunk = new List<Guid>(size);
                }
            }

            if (chunk.Count > 0)
            {
                yield return chunk;
            }
        }
    }
}
