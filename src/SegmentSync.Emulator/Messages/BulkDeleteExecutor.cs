using System;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace SegmentSync.Emulator;

/// <summary>
/// BulkDelete (QuerySet: QueryExpression[], JobName): Dataverse queues a system job and returns its id. The
/// emulator records the job (asyncoperation), and runs it as soon as the request commits: each matching record is
/// deleted in its own transaction, failures are counted in the job instead of failing the request.
/// </summary>
internal sealed class BulkDeleteExecutor : IMessageExecutor
{
    public string MessageName => "BulkDelete";

    public OrganizationResponse Execute(OrganizationRequest request, MessageContext context)
    {
        var queries = RequestParameters.Required<QueryExpression[]>(request, "QuerySet");
        var jobName = RequestParameters.Required<string>(request, "JobName");
        var dataverse = context.Dataverse;
        foreach (var query in queries) dataverse.Metadata.Table(query.EntityName);
        var jobs = dataverse.Store.For(SystemTables.AsyncOperation);
        var job = new AttributeCollection
        {
            ["name"] = jobName,
            ["operationtype"] = SystemTables.BulkDeleteOperationType,
        };
        var jobId = dataverse.NewId();
        dataverse.Writer.Insert(jobs, dataverse.Writer.NewRow(jobs.Table, jobId, job, new RecordWriter.Stamp(context.UserId, context.UtcNow)), context.Transaction);
        context.AfterCommit(() => Run(queries, jobId, context));
        var response = new OrganizationResponse { ResponseName = MessageName };
        response.Results["JobId"] = jobId;
        return response;
    }

    private static void Run(QueryExpression[] queries, Guid jobId, MessageContext context)
    {
        var dataverse = context.Dataverse;
        var deleted = 0;
        var failed = 0;
        foreach (var query in queries)
        {
            var ids = dataverse.Queries.Match(query, new QueryContext(context.UserId, dataverse.BusinessUnitId)).Select(r => r.Primary.Id).Distinct().ToList();
            foreach (var id in ids)
            {
                if (!dataverse.Store.Exists(query.EntityName, id)) continue;
                try
                {
                    context.ExecuteAsJob(new DeleteRequest { Target = new EntityReference(query.EntityName, id) });
                    deleted++;
                }
                catch (FaultException<OrganizationServiceFault>)
                {
                    failed++;
                }
            }
        }

        var jobs = dataverse.Store.For(SystemTables.AsyncOperation);
        jobs.TryGet(jobId, out var current);
        var done = new AttributeCollection
        {
            ["statecode"] = new OptionSetValue(SystemTables.AsyncStateCompleted),
            ["statuscode"] = new OptionSetValue(failed == 0 ? SystemTables.AsyncStatusSucceeded : 31),
            ["message"] = $"Deleted {deleted} record(s); {failed} failure(s).",
            ["completedon"] = context.UtcNow,
        };
        dataverse.Writer.Replace(jobs, dataverse.Writer.UpdatedRow(jobs.Table, current, done, new RecordWriter.Stamp(context.UserId, context.UtcNow)), null);
    }
}
