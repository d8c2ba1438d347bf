using System.CommandLine;
using SegmentSync.Cli.Commands;

var root = new RootCommand("segsync: mirror Customer Insights - Data segments into Customer Insights - Journeys.")
{
    DemoCommand.Create(),
    SolutionCommand.Create(), PackCommand.Create(), EmulateCommand.Create(),
    PushCommand.Create(), GuardCommand.Create(),
};

return root.Parse(args).Invoke();
