using System.Globalization;

namespace SegmentSync.Benchmarks;

public sealed class BenchOptions
{
    public int Scale { get; private set; } = 1_000_000;
    public bool Quick { get; private set; }
    public int NaiveSample { get; private set; } = 20_000;
    public bool Sweep { get; private set; } = true;
    public bool EndToEnd { get; private set; } = true;
    public string? Output { get; private set; }
    public string? Label { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value.");
            switch (args[i])
            {
                case "--quick":
                    options.Quick = true;
                    options.Scale = 100_000;
                    break;
                case "--scale":
                    options.Scale = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--naive-sample":
                    options.NaiveSample = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--no-sweep":
                    options.Sweep = false;
                    break;
                case "--no-e2e":
                    options.EndToEnd = false;
                    break;
                case "--out":
                    options.Output = Next();
                    break;
                case "--label":
                    options.Label = Next();
                    break;
                case "-h":
                case "--help":
                    throw new OptionsHelpException();
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        if (options.Scale < 100_000)
        {
            throw new ArgumentException("--scale must be at least 100000 (S4 uses 100 x 1,030 of the 1.03 x scale contacts).");
        }

        return options;
    }

    public const string Usage = """
        SegmentSync scale and speed benchmarks (issue 5).
          dotnet run -c Release --project bench/SegmentSync.Benchmarks -- [options]
        Options:
          --quick             100,000-member scale (well under a minute)
          --scale N           members of the big segment (default 1,000,000; at least 100,000)
          --naive-sample N    ids the naive peer checks for real per scenario before extrapolating (default 20,000)
          --no-sweep          skip the request-budget sweep
          --no-e2e            skip scenario 2 through `segsync push` and the HTTP emulator
          --out FILE          where to write the results (default bench/results/latest[-quick].md)
          --label TEXT        what was measured, for the report (default: the clone's commit)
        """;
}

public sealed class OptionsHelpException : Exception
{
}
