using System.Text.Json.Nodes;
using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Generation;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;
using ImportApi = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.Solution.Content;

/// <summary>
/// SegmentSync's cloud flows: "Refresh all segments" on a schedule (off until a maker turns it on) and "Refresh a
/// segment" on demand. Both call segsync_RefreshSegments through the Dataverse connector's "Perform an unbound action",
/// continue every run with segsync_ContinueSegmentImport and call the refresh again with its RefreshStartedOn until
/// it is Applied, and fail the flow run with the list of failures when a call failed. Action and parameter names come
/// from the Custom API descriptors.
/// </summary>
public static class SegmentSyncFlows
{
    public const string RefreshAllName = "SegmentSync - Refresh all segments";
    public const string RefreshOneName = "SegmentSync - Refresh a segment";

    /// <summary>The Dataverse connector ("Microsoft Dataverse") and its unbound-action operation.</summary>
    public const string DataverseConnectorId = "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps";
    public const string PerformUnboundAction = "PerformUnboundAction";

    /// <summary>The instant flow's input (Power Automate names a button's first text input "text").</summary>
    public const string SegmentInput = "text";

    // Flow variables and the names of the actions whose outputs the flows read.
    public const string StatusVariable = "Status";
    public const string ImportIdsVariable = "ImportIds";
    public const string StartedOnVariable = "RefreshStartedOn";
    public const string FailuresVariable = "Failures";
    public const string FirstRefresh = "Refresh_segments";
    public const string NextRefresh = "Refresh_next_step";
    public const string ContinueEach = "Continue_each_import";
    public const string ContinueImport = "Continue_import";
    public const string Loop = "Until_the_refresh_is_applied";

    /// <summary>Iterations of the loop (each continues every run, then asks for the next step) before the flow gives up.</summary>
    public const int LoopLimit = 500;

    public static ConnectionReferenceDefinition Dataverse => new(
        "segsync_SegmentSyncDataverse",
        "SegmentSync - Dataverse",
        DataverseConnectorId,
        "The Dataverse connection SegmentSync's refresh flows call segsync_RefreshSegments and segsync_ContinueSegmentImport with. Its user needs the SegmentSync Integration role.");

    public static IReadOnlyList<ConnectionReferenceDefinition> ConnectionReferences => new[] { Dataverse };

    public static IReadOnlyList<FlowDefinition> All => new[] { RefreshAll(), RefreshOne() };

    public static FlowDefinition RefreshAll() => new()
    {
        Name = RefreshAllName,
        Description = "Every day at 05:00 UTC, re-applies the last export of every segment SegmentSync manages (contacts created since join; manual edits are overwritten). Off until a maker turns it on; change the schedule in its trigger.",
        IsOnAfterImport = false,
        ConnectionReferences = ConnectionReferences,
        Definition = Definition(
            new JsonObject
            {
                ["Recurrence"] = new JsonObject
                {
                    ["recurrence"] = new JsonObject
                    {
                        ["frequency"] = "Day",
                        ["interval"] = 1,
                        ["timeZone"] = "UTC",
                        ["schedule"] = new JsonObject { ["hours"] = new JsonArray("5"), ["minutes"] = new JsonArray(0) },
                    },
                    ["type"] = "Recurrence",
                },
            },
            RefreshActions(segmentId: null)),
    };

    public static FlowDefinition RefreshOne() => new()
    {
        Name = RefreshOneName,
        Description = "Re-applies the last export of one segment now: run it with the segment's id in Customer Insights - Data.",
        IsOnAfterImport = true,
        ConnectionReferences = ConnectionReferences,
        Definition = Definition(
            new JsonObject
            {
                ["manual"] = new JsonObject
                {
                    ["type"] = "Request",
                    ["kind"] = "Button",
                    ["inputs"] = new JsonObject
                    {
                        ["schema"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject
                            {
                                [SegmentInput] = new JsonObject
                                {
                                    ["title"] = "External segment id",
                                    ["type"] = "string",
                                    ["x-ms-dynamically-added"] = true,
                                    ["description"] = "The segment's id in Customer Insights - Data",
                                    ["x-ms-content-hint"] = "TEXT",
                                },
                            },
                            ["required"] = new JsonArray(SegmentInput),
                        },
                    },
                },
            },
            RefreshActions(segmentId: "@triggerBody()?['" + SegmentInput + "']")),
    };

    private static JsonObject Definition(JsonObject triggers, JsonObject actions) => new()
    {
        ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
        ["contentVersion"] = "1.0.0.0",
        ["parameters"] = new JsonObject
        {
            ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
            ["$authentication"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "SecureObject" },
        },
        ["triggers"] = triggers,
        ["actions"] = actions,
        ["outputs"] = new JsonObject(),
    };

    /// <summary>
    /// Refresh; then, until the refresh is Applied: continue each of its runs, and ask for the next step (which starts
    /// the segments one call could not). Failures are collected; the run fails with their list at the end.
    /// </summary>
    private static JsonObject RefreshActions(string? segmentId)
    {
        JsonObject RefreshParameters(bool next)
        {
            var parameters = new JsonObject { ["actionName"] = Api.RefreshSegments };
            if (segmentId != null)
            {
                parameters["item/" + Api.ExternalSegmentId] = segmentId;
            }

            if (next)
            {
                parameters["item/" + Api.RefreshStartedOn] = "@variables('" + StartedOnVariable + "')";
            }

            return parameters;
        }

        string Output(string action, string property) => "@{outputs('" + action + "')?['body/" + property + "']}";

        var loop = new JsonObject
        {
            [ContinueEach] = new JsonObject
            {
                ["foreach"] = "@if(empty(variables('" + ImportIdsVariable + "')), json('[]'), split(variables('" + ImportIdsVariable + "'), '" + Api.ImportIdSeparator + "'))",
                ["actions"] = new JsonObject
                {
                    [ContinueImport] = Unbound(new JsonObject
                    {
                        ["actionName"] = ImportApi.ContinueSegmentImport,
                        ["item/" + ImportApi.ImportId] = "@items('" + ContinueEach + "')",
                    }, RunAfter()),
                    ["Record_continue_failure"] = Append(new JsonObject
                    {
                        ["Step"] = ImportApi.ContinueSegmentImport,
                        ["ImportId"] = "@{items('" + ContinueEach + "')}",
                        ["Error"] = Output(ContinueImport, "error/message"),
                    }, RunAfter((ContinueImport, Failed))),
                },
                ["runAfter"] = new JsonObject(),
                ["runtimeConfiguration"] = new JsonObject { ["concurrency"] = new JsonObject { ["repetitions"] = 1 } },
                ["type"] = "Foreach",
            },
            [NextRefresh] = Unbound(RefreshParameters(next: true), RunAfter((ContinueEach, new[] { "Succeeded", "Failed" }))),
            ["Set_ImportIds_next"] = Set(ImportIdsVariable, Output(NextRefresh, Api.ImportIds), RunAfter((NextRefresh, Succeeded))),
            ["Set_Status_next"] = Set(StatusVariable, Output(NextRefresh, Api.Status), RunAfter(("Set_ImportIds_next", Succeeded))),
            ["Record_next_step_failure"] = Append(new JsonObject
            {
                ["Step"] = Api.RefreshSegments,
                ["Error"] = Output(NextRefresh, "error/message"),
            }, RunAfter((NextRefresh, Failed))),
            ["Stop_after_the_failure"] = Set(StatusVariable, "Failed", RunAfter(("Record_next_step_failure", Succeeded))),
        };

        return new JsonObject
        {
            ["Initialize_Status"] = Initialize(StatusVariable, "string", JsonValue.Create(Api.Applying), RunAfter()),
            ["Initialize_ImportIds"] = Initialize(ImportIdsVariable, "string", JsonValue.Create(""), RunAfter(("Initialize_Status", Succeeded))),
            ["Initialize_RefreshStartedOn"] = Initialize(StartedOnVariable, "string", JsonValue.Create(""), RunAfter(("Initialize_ImportIds", Succeeded))),
            ["Initialize_Failures"] = Initialize(FailuresVariable, "array", new JsonArray(), RunAfter(("Initialize_RefreshStartedOn", Succeeded))),
            [FirstRefresh] = Unbound(RefreshParameters(next: false), RunAfter(("Initialize_Failures", Succeeded))),
            ["Set_RefreshStartedOn"] = Set(StartedOnVariable, Output(FirstRefresh, Api.RefreshStartedOn), RunAfter((FirstRefresh, Succeeded))),
            ["Set_ImportIds"] = Set(ImportIdsVariable, Output(FirstRefresh, Api.ImportIds), RunAfter(("Set_RefreshStartedOn", Succeeded))),
            ["Set_Status"] = Set(StatusVariable, Output(FirstRefresh, Api.Status), RunAfter(("Set_ImportIds", Succeeded))),
            ["Record_refresh_failure"] = Append(new JsonObject
            {
                ["Step"] = Api.RefreshSegments,
                ["Error"] = Output(FirstRefresh, "error/message"),
            }, RunAfter((FirstRefresh, Failed))),
            [Loop] = new JsonObject
            {
                ["actions"] = loop,
                ["runAfter"] = RunAfter(("Set_Status", Succeeded)),
                ["expression"] = "@or(equals(variables('" + StatusVariable + "'), '" + Api.Applied + "'), equals(variables('" + StatusVariable + "'), 'Failed'))",
                ["limit"] = new JsonObject { ["count"] = LoopLimit, ["timeout"] = "PT12H" },
                ["type"] = "Until",
            },
            ["Fail_the_run_if_anything_failed"] = new JsonObject
            {
                ["actions"] = new JsonObject
                {
                    ["Terminate_as_failed"] = new JsonObject
                    {
                        ["runAfter"] = new JsonObject(),
                        ["type"] = "Terminate",
                        ["inputs"] = new JsonObject
                        {
                            ["runStatus"] = "Failed",
                            ["runError"] = new JsonObject
                            {
                                ["code"] = "SegmentSyncRefreshFailed",
                                ["message"] = "The refresh ended with status @{variables('" + StatusVariable + "')}. Failures: @{string(variables('" + FailuresVariable + "'))}",
                            },
                        },
                    },
                },
                ["runAfter"] = RunAfter((Loop, new[] { "Succeeded", "Failed", "TimedOut", "Skipped" }), ("Record_refresh_failure", new[] { "Succeeded", "Skipped" })),
                ["else"] = new JsonObject { ["actions"] = new JsonObject() },
                ["expression"] = "@or(greater(length(variables('" + FailuresVariable + "')), 0), not(equals(variables('" + StatusVariable + "'), '" + Api.Applied + "')))",
                ["type"] = "If",
            },
        };
    }

    private static readonly string[] Succeeded = { "Succeeded" };
    private static readonly string[] Failed = { "Failed", "TimedOut" };

    private static JsonObject RunAfter(params (string Action, string[] Statuses)[] predecessors)
    {
        var runAfter = new JsonObject();
        foreach (var (action, statuses) in predecessors)
        {
            runAfter[action] = new JsonArray(statuses.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
        }

        return runAfter;
    }

    /// <summary>The Dataverse connector's "Perform an unbound action" with the given actionName and item/ parameters.</summary>
    private static JsonObject Unbound(JsonObject parameters, JsonObject runAfter) => new()
    {
        ["runAfter"] = runAfter,
        ["type"] = "OpenApiConnection",
        ["inputs"] = new JsonObject
        {
            ["host"] = new JsonObject
            {
                ["connectionName"] = Dataverse.ApiName,
                ["operationId"] = PerformUnboundAction,
                ["apiId"] = DataverseConnectorId,
            },
            ["parameters"] = parameters,
            ["authentication"] = "@parameters('$authentication')",
        },
    };

    private static JsonObject Initialize(string name, string type, JsonNode? value, JsonObject runAfter) => new()
    {
        ["runAfter"] = runAfter,
        ["type"] = "InitializeVariable",
        ["inputs"] = new JsonObject { ["variables"] = new JsonArray(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value }) },
    };

    private static JsonObject Set(string name, string value, JsonObject runAfter) => new()
    {
        ["runAfter"] = runAfter,
        ["type"] = "SetVariable",
        ["inputs"] = new JsonObject { ["name"] = name, ["value"] = value },
    };

    private static JsonObject Append(JsonObject value, JsonObject runAfter) => new()
    {
        ["runAfter"] = runAfter,
        ["type"] = "AppendToArrayVariable",
        ["inputs"] = new JsonObject { ["name"] = FailuresVariable, ["value"] = value },
    };
}
