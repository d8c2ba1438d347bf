using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using SegmentSync.Plugins.Domain;

namespace SegmentSync.Plugins.Infrastructure
{
    /// <summary>Counts each request against the call's <see cref="WorkBudget"/> and passes it on.</summary>
    public sealed class BudgetedOrganizationService : IOrganizationService
    {
        private readonly IOrganizationService _inner;
        private readonly WorkBudget _budget;

        public BudgetedOrganizationService(IOrganizationService inner, WorkBudget budget)
        {
            _inner = inner;
            _budget = budget;
        }

        public Guid Create(Entity entity)
        {
            _budget.Spend();
            return _inner.Create(entity);
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            _budget.Spend();
            return _inner.Retrieve(entityName, id, columnSet);
        }

        public void Update(Entity entity)
        {
            _budget.Spend();
            _inner.Update(entity);
        }

        public void Delete(string entityName, Guid id)
        {
            _budget.Spend();
            _inner.Delete(entityName, id);
        }

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            _budget.Spend();
            return _inner.Execute(request);
        }

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            _budget.Spend();
            _inner.Associate(entityName, entityId, relationship, relatedEntities);
        }

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            _budget.Spend();
            _inner.Disassociate(entityName, entityId, relationship, relatedEntities);
        }

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            _budget.Spend();
            return _inner.RetrieveMultiple(query);
        }
    }
}
