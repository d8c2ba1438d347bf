namespace SegmentSync.Solution;

/// <summary>
/// The solution is inconsistent or cannot be built: the message names every problem found, one a line, so a maker or a
/// developer can fix them all at once.
/// </summary>
public sealed class SolutionException : Exception
{
    public SolutionException(string message)
        : base(message)
    {
        Problems = new[] { message };
    }

    public SolutionException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public SolutionException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = new[] { message };
    }

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? problems[0]
            : $"The solution has {problems.Count} problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
