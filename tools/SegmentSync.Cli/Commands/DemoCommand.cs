using System.CommandLine;
using SegmentSync.Cli.Demo;
using Spectre.Console;

namespace SegmentSync.Cli.Commands;

/// <summary><c>segsync demo</c>: the whole import path on the local Dataverse emulator, shown as a maker sees it.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Contact ids per Custom API call (1-10000).",
            DefaultValueFactory = _ => 4,
        };
        batchSize.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 1 or > 10000)
            {
                result.AddError("--batch-size must be between 1 and 10000.");
            }
        });

        var target = new Option<string>("--target")
        {
            Description = "Journeys segment model to write to: outbound (msdyncrm_segment) or realtime (msdynmkt segment definitions).",
            DefaultValueFactory = _ => "outbound",
        };
        target.AcceptOnlyFromAmong("outbound", "realtime");

        var command = new Command("demo", "Start the in-memory Dataverse, seed contacts and a Live segment, import a sample export in batches through the real plug-ins, and show the result.")
        {
            batchSize,
            target,
        };
        command.SetAction(parse =>
        {
            var model = parse.GetValue(target) == "realtime" ? SegmentSync.Plugins.Schema.SegmentTargetOption.RealTime : SegmentSync.Plugins.Schema.SegmentTargetOption.Outbound;
            new DemoScenario(AnsiConsole.Console, model).Run(parse.GetValue(batchSize));
            return 0;
        });
        return command;
    }
}
