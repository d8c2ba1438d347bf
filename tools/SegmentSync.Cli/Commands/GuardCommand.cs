using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegmentSync.Client.Auth;
using SegmentSync.Client.Http;
using SegmentSync.Client.Push;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Cli.Commands;

/// <summary>
/// <c>segsync guard on|off</c>: registers or removes the manual-edit guard's plug-in steps in an environment
/// (segsync_ConfigureGuard), which an administrator does once after importing the solution, again after installing
/// or updating Customer Insights - Journeys, and with <c>off</c> before uninstalling SegmentSync.
/// </summary>
public static class GuardCommand
{
    public static Command Create()
    {
        var state = new Argument<string>("state") { Description = "on: protect the segments SegmentSync manages; off: remove the protection (before uninstalling)." };
        state.AcceptOnlyFromAmong("on", "off");
        var json = new Option<bool>("--json") { Description = "Write the result as JSON on standard output." };
        var connection = new ConnectionOptions();
        var command = new Command("guard", "Switch the guard that blocks manual member and field changes of the segments SegmentSync manages on or off (needs an administrator or system customizer).\n"
            + "Exit codes: 0 done, 1 command line or unexpected error, 3 refused by the service, 4 sign-in failed or not allowed, 5 service unavailable.")
        {
            state, json,
        };
        foreach (var option in connection.All) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var enabled = parse.GetValue(state) == "on";
            var asJson = parse.GetValue(json);
            try
            {
                var settings = connection.Resolve(parse);
                using var client = new DataverseClient(settings.EnvironmentUrl, MsalTokenProvider.Create(settings, message => Console.Error.WriteLine(message)));
                var result = await client.ConfigureGuardAsync(enabled, cancellationToken);
                if (asJson) Console.WriteLine(Json(result, ExitCodes.Success).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                else Print(enabled, result);
                return ExitCodes.Success;
            }
            catch (AuthenticationFailedException e)
            {
                return Fail(asJson, ExitCodes.AuthenticationFailed, e.Message);
            }
            catch (DataverseException e)
            {
                var code = e.IsAuthentication ? ExitCodes.AuthenticationFailed : e.IsTransient ? ExitCodes.Unavailable : ExitCodes.Refused;
                return Fail(asJson, code, e.Message + (e.IsAuthentication ? " Sign in as a System Administrator or System Customizer: registering plug-in steps needs " + PluginRegistrationTables.Step.CreatePrivilege + "." : string.Empty));
            }
        });
        return command;
    }

    private static void Print(bool enabled, GuardResult result)
    {
        if (!enabled)
        {
            Console.WriteLine($"Guard off: {result.StepsRemoved} step(s) removed. Manual changes of SegmentSync's segments are no longer blocked.");
            return;
        }

        var models = result.SegmentModels.Length == 0 ? "none" : result.SegmentModels.Replace(GuardSetupApi.ListSeparator, ", ", StringComparison.Ordinal);
        Console.WriteLine($"Guard on for segment models: {models}. {result.StepsActive} step(s) active ({result.StepsCreated} registered, {result.StepsUpdated} restored, {result.StepsRemoved} removed).");
        if (result.MessagesSkipped.Length > 0) Console.WriteLine($"Not guarded here: {result.MessagesSkipped}.");
        if (result.SegmentModels.Length == 0) Console.WriteLine("This environment has no Customer Insights - Journeys segment tables: nothing to guard. Run this again after installing Journeys.");
    }

    private static JsonObject Json(GuardResult result, int exitCode) => new()
    {
        ["exitCode"] = exitCode,
        ["segmentModels"] = new JsonArray(result.SegmentModels.Split(GuardSetupApi.ListSeparator, StringSplitOptions.RemoveEmptyEntries).Select(m => (JsonNode)m).ToArray()),
        ["stepsCreated"] = result.StepsCreated,
        ["stepsUpdated"] = result.StepsUpdated,
        ["stepsRemoved"] = result.StepsRemoved,
        ["stepsActive"] = result.StepsActive,
        ["messagesSkipped"] = new JsonArray(result.MessagesSkipped.Split(GuardSetupApi.SkippedSeparator, StringSplitOptions.RemoveEmptyEntries).Select(m => (JsonNode)m).ToArray()),
    };

    private static int Fail(bool asJson, int code, string message)
    {
        if (asJson) Console.WriteLine(new JsonObject { ["exitCode"] = code, ["error"] = message }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.Error.WriteLine($"segsync guard: error: {message}");
        return code;
    }
}
