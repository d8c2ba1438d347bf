using System.Globalization;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Benchmarks;

/// <summary>A first import like S1, with segsync_RequestBudget set to each value in turn.</summary>
public static class BudgetSweep
{
    public sealed record Row(int Budget, ScenarioResult Result, LowerBoundTerms LowerBound);

    public static List<Row> Run(BenchEnvironment environment, Population population, int[] budgets)
    {
        var rows = new List<Row>();
        try
        {
            foreach (var budget in budgets)
            {
                environment.SetSetting(SegmentSyncSettings.RequestBudget, budget.ToString(CultureInfo.InvariantCulture));
                var scenario = population.FirstImport(SegmentTargetOption.Outbound, "sweep-" + budget.ToString(CultureInfo.InvariantCulture), "B" + budget.ToString(CultureInfo.InvariantCulture));
                var result = ScenarioRunner.Run(environment, scenario);
                rows.Add(new Row(budget, result, LowerBound.For(scenario)));
                Console.WriteLine($"  budget {budget}: {result.ApiCalls} calls, {result.PluginRequestTotal} plug-in requests, largest call {result.Calls.Max(c => c.RequestCount)} requests");
            }
        }
        finally
        {
            environment.SetSetting(SegmentSyncSettings.RequestBudget, null);
        }

        return rows;
    }
}
