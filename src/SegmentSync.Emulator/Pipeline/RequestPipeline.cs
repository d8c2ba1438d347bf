using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>
/// The event execution pipeline. Every request, from a caller or a plug-in, runs here:
/// count and fault-inject it; stage 10 (outside the transaction for a top-level request); begin the transaction;
/// stage 20; the main operation (30); stage 40 synchronous; commit; then asynchronous steps. Any exception rolls
/// back the transaction of the top-level request, nested requests included.
/// </summary>
internal sealed class RequestPipeline
{
    /// <summary>Dataverse's maximum depth; a deeper request is taken for an infinite loop.</summary>
    public const int MaxDepth = 8;

    private static readonly HashSet<string> NonTransactional = new(StringComparer.OrdinalIgnoreCase) { "ExecuteMultiple" };

    private static readonly Dictionary<(string Message, string Key), string> OutputNames = new()
    {
        [("Retrieve", "Entity")] = "BusinessEntity",
        [("RetrieveMultiple", "EntityCollection")] = "BusinessEntityCollection",
    };

    private readonly InMemoryDataverse _dataverse;
    private readonly Dictionary<string, IMessageExecutor> _executors = new(StringComparer.OrdinalIgnoreCase);

    public RequestPipeline(InMemoryDataverse dataverse)
    {
        _dataverse = dataverse;
    }

    public void Add(IMessageExecutor executor)
    {
        lock (_executors)
        {
            if (!_executors.TryAdd(executor.MessageName, executor))
                throw new ArgumentException($"A message named {executor.MessageName} is already registered.", nameof(executor));
        }
    }

    /// <summary>The names of the messages the pipeline executes (Custom APIs included once registered).</summary>
    public IReadOnlyList<string> MessageNames
    {
        get { lock (_executors) return _executors.Keys.ToList(); }
    }

    /// <summary>Runs one request. Requests are serialized: one top-level request holds the emulator for its whole transaction.</summary>
    public OrganizationResponse Execute(OrganizationRequest request, CallScope scope)
    {
        lock (_dataverse.Gate)
        {
            _dataverse.EnterRequest();
            try
            {
                return ExecuteLocked(request, scope);
            }
            finally
            {
                _dataverse.ExitRequest();
            }
        }
    }

    private OrganizationResponse ExecuteLocked(OrganizationRequest request, CallScope scope)
    {
        var name = request.RequestName;
        if (string.IsNullOrEmpty(name)) throw DataverseFault.InvalidArgument("The request has no RequestName.");
        var entity = RequestTarget.EntityName(request);
        Exception? injected = null;
        if (!scope.Internal)
        {
            _dataverse.Requests.Record(name, scope.FromPlugin);
            injected = _dataverse.Faults.Check(sequence => new RequestInfo(name, entity, scope.Depth, scope.FromPlugin, sequence));
        }

        try
        {
            if (scope.Transaction is { IsDoomed: true })
            {
                throw DataverseFault.Create(
                    ErrorCodes.TransactionNotStarted,
                    "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.");
            }

            if (injected is not null) throw injected;
            if (scope.Depth > MaxDepth)
            {
                throw DataverseFault.Create(
                    ErrorCodes.UnExpected,
                    "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");
            }

            return Run(request, Resolve(name), scope, entity);
        }
        catch (Exception e) when (scope.Transaction is not null)
        {
            // Inside a transaction the real platform rolls everything back at the first failure; a plug-in that
            // swallows the exception finds the transaction gone.
            scope.Transaction.Doom(e);
            throw;
        }
    }

    private IMessageExecutor Resolve(string name)
    {
        lock (_executors)
        {
            if (_executors.TryGetValue(name, out var executor)) return executor;
        }

        if (_dataverse.Plugins.TryGetCustomApi(name, out var api, out var main)) return new CustomApiExecutor(api, main);
        throw DataverseFault.NotSupported($"Unrecognized request name: {name}. It is neither a built-in message, a registered custom message nor a Custom API.");
    }

    private OrganizationResponse Run(OrganizationRequest request, IMessageExecutor executor, CallScope scope, string? entity)
    {
        var run = new PipelineRun
        {
            MessageName = executor.MessageName,
            PrimaryEntityName = entity,
            PrimaryEntityId = RequestTarget.Id(request),
            Input = ParameterCloner.Clone(request.Parameters),
            Scope = scope,
            Transaction = scope.Transaction,
            RequestId = request.RequestId ?? Guid.NewGuid(),
            CreatedOn = _dataverse.Clock.GetUtcNow().UtcDateTime,
        };
        // The optional "tag" parameter of any request reaches its plug-ins as the shared variable "tag".
        if (request.Parameters.TryGetValue("tag", out var tag) && tag is string text) run.Shared["tag"] = text;
        if (run.PrimaryEntityId == Guid.Empty) run.PrimaryEntityId = IdByKey(run);
        RunSynchronousSteps(run, PipelineStage.PreValidation, Snapshot(run), null);
        var owns = scope.Transaction is null && !NonTransactional.Contains(run.MessageName);
        if (owns) run.Transaction = new Transaction();
        IReadOnlyList<Action> afterCommit = Array.Empty<Action>();
        OrganizationResponse response;
        try
        {
            var before = Snapshot(run);
            RunSynchronousSteps(run, PipelineStage.PreOperation, before, null);
            response = MainOperation(request, executor, run);
            var after = Snapshot(run);
            RunSynchronousSteps(run, PipelineStage.PostOperation, before, after);
            QueueAsynchronousSteps(run, before, after);
            response.Results = Results(run);
            if (owns)
            {
                if (run.Transaction!.IsDoomed)
                {
                    throw DataverseFault.Create(
                        ErrorCodes.IsvReducedTransactionCount,
                        "ISV code reduced the open transaction count. Custom plug-ins should not catch exceptions from OrganizationService calls and continue processing.");
                }

                afterCommit = run.Transaction.Commit();
            }
        }
        catch
        {
            if (owns) run.Transaction!.Rollback();
            throw;
        }

        foreach (var action in afterCommit) action();
        return response;
    }

    private OrganizationResponse MainOperation(OrganizationRequest request, IMessageExecutor executor, PipelineRun run)
    {
        var response = executor.Execute(run.EffectiveRequest(request), new MessageContext(_dataverse, run))
            ?? throw new InvalidOperationException($"The executor of {run.MessageName} returned no response.");
        foreach (var (key, value) in response.Results) run.Output[OutputNames.TryGetValue((run.MessageName, key), out var mapped) ? mapped : key] = value;
        if (run.PrimaryEntityId == Guid.Empty && response.Results.TryGetValue("id", out var id) && id is Guid created) run.PrimaryEntityId = created;
        if (response.Results.TryGetValue("Target", out var target) && target is EntityReference upserted) run.PrimaryEntityId = upserted.Id;
        return response;
    }

    private ParameterCollection Results(PipelineRun run)
    {
        var results = new ParameterCollection();
        foreach (var (key, value) in run.Output)
        {
            var original = OutputNames.FirstOrDefault(kv => kv.Key.Message == run.MessageName && kv.Value == key).Key.Key;
            results[original ?? key] = value;
        }

        return results;
    }

    /// <summary>The id of a Target named by alternate key, so that images and PrimaryEntityId work for it too.</summary>
    private Guid IdByKey(PipelineRun run)
    {
        var keys = run.Input.TryGetValue("Target", out var target) ? target switch
        {
            Entity entity => entity.KeyAttributes,
            EntityReference reference => reference.KeyAttributes,
            _ => null,
        } : null;
        var table = _dataverse.Metadata.TryGetTable(run.PrimaryEntityName);
        if (keys is not { Count: > 0 } || table is null) return Guid.Empty;
        try
        {
            return RecordLocator.ByKey(_dataverse, table, keys) ?? Guid.Empty;
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            return Guid.Empty; // the main operation reports the bad key
        }
    }

    /// <summary>The primary record as stored right now (for images), or null.</summary>
    private Row? Snapshot(PipelineRun run)
    {
        if (run.PrimaryEntityId == Guid.Empty) return null;
        var table = _dataverse.Store.TryFor(run.PrimaryEntityName);
        return table is not null && table.TryGet(run.PrimaryEntityId, out var row) ? row : null;
    }

    private void RunSynchronousSteps(PipelineRun run, PipelineStage stage, Row? before, Row? after)
    {
        foreach (var step in _dataverse.Plugins.StepsFor(run.MessageName, run.PrimaryEntityName, stage, StepMode.Synchronous))
        {
            if (!step.PassesFilter(run.MessageName, run.Input)) continue;
            var context = NewContext(run, step, (int)stage, StepMode.Synchronous, run.Input, run.Output, run.Shared, before, after, run.Transaction is not null);
            Invoke(step, context, run.Transaction);
        }
    }

    private void QueueAsynchronousSteps(PipelineRun run, Row? before, Row? after)
    {
        foreach (var step in _dataverse.Plugins.StepsFor(run.MessageName, run.PrimaryEntityName, PipelineStage.PostOperation, StepMode.Asynchronous))
        {
            if (!step.PassesFilter(run.MessageName, run.Input)) continue;

            // A system job gets copies taken when it is queued, as Dataverse serializes the context into the job.
            var context = NewContext(
                run, step, (int)PipelineStage.PostOperation, StepMode.Asynchronous,
                ParameterCloner.Clone(run.Input), ParameterCloner.Clone(run.Output), ParameterCloner.Clone(run.Shared), before, after, inTransaction: false);
            void RunJob()
            {
                try
                {
                    Invoke(step, context, null);
                }
                catch (Exception e)
                {
                    _dataverse.RecordAsyncFailure(new AsyncStepFailure(step.DisplayName, run.MessageName, run.PrimaryEntityId, e));
                }
            }

            if (run.Transaction is null) RunJob();
            else run.Transaction.AfterCommit(RunJob);
        }
    }

    private PluginExecutionContext NewContext(
        PipelineRun run, RegisteredStep step, int stage, StepMode mode, ParameterCollection input, ParameterCollection output,
        ParameterCollection shared, Row? before, Row? after, bool inTransaction)
    {
        var registration = step.Registration;
        var context = new PluginExecutionContext
        {
            Mode = (int)mode,
            Depth = run.Scope.Depth,
            MessageName = run.MessageName,
            PrimaryEntityName = run.PrimaryEntityName ?? "none",
            RequestId = run.RequestId,
            InputParameters = input,
            OutputParameters = output,
            SharedVariables = shared,
            UserId = run.Scope.UserId,
            InitiatingUserId = run.Scope.InitiatingUserId,
            BusinessUnitId = _dataverse.BusinessUnitId,
            OrganizationId = _dataverse.OrganizationId,
            OrganizationName = _dataverse.OrganizationName,
            PrimaryEntityId = run.PrimaryEntityId,
            OwningExtension = new EntityReference("sdkmessageprocessingstep", registration.Id) { Name = step.DisplayName },
            CorrelationId = run.Scope.CorrelationId,
            IsInTransaction = inTransaction,
            OperationId = mode == StepMode.Asynchronous ? Guid.NewGuid() : run.OperationId,
            OperationCreatedOn = run.CreatedOn,
            Stage = stage,
            Parent = run.Scope.ParentContext,
        };
        AddImage(context.PreEntityImages, registration.PreImageName, registration.PreImageAttributes, before, run);
        AddImage(context.PostEntityImages, registration.PostImageName, registration.PostImageAttributes, after, run);
        return context;
    }

    private void AddImage(EntityImageCollection images, string name, IReadOnlyCollection<string>? attributes, Row? row, PipelineRun run)
    {
        if (attributes is null || row is null) return;
        var table = _dataverse.Metadata.Table(run.PrimaryEntityName!);
        var columns = attributes.Count == 0
            ? table.Columns
            : attributes.Select(a => table.Column(a)).OfType<ColumnDefinition>().ToList();
        images[name] = _dataverse.Reader.ToEntity(table, row, columns);
    }

    /// <summary>Runs a Custom API's plug-in as the main operation (stage 30), inside the request's transaction.</summary>
    internal void InvokeMainOperation(RegisteredStep step, PipelineRun run)
    {
        var context = NewContext(run, step, (int)PipelineStage.MainOperation, StepMode.Synchronous, run.Input, run.Output, run.Shared, null, null, run.Transaction is not null);
        Invoke(step, context, run.Transaction);
    }

    /// <summary>Runs one plug-in, records its trace, and turns its exception into the fault a caller would get.</summary>
    internal void Invoke(RegisteredStep step, PluginExecutionContext context, Transaction? transaction)
    {
        var tracing = new TracingService();
        Exception? error = null;
        try
        {
            step.Plugin.Execute(new PluginServiceProvider(context, tracing, new OrganizationServiceFactory(this, context, transaction)));
        }
        catch (Exception e)
        {
            error = e;
            throw Translate(e, tracing.Text);
        }
        finally
        {
            _dataverse.Traces.Add(new PluginTrace(
                step.DisplayName, context.MessageName, context.PrimaryEntityName, context.Stage, context.Mode, context.Depth, context.CorrelationId, tracing.Text, error));
        }
    }

    private static Exception Translate(Exception error, string trace)
    {
        return error switch
        {
            InvalidPluginExecutionException invalid => DataverseFault.Create(invalid.ErrorCode != 0 ? invalid.ErrorCode : ErrorCodes.IsvAborted, invalid.Message, trace),
            FaultException<OrganizationServiceFault> fault => fault,
            _ => DataverseFault.Create(
                ErrorCodes.PluginUnexpected,
                $"Unexpected exception from plug-in (Execute): {error.GetType().FullName}: {error.Message}",
                trace),
        };
    }
}
