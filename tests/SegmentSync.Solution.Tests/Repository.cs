using SegmentSync.LocalEnvironment;
using SegmentSync.Solution.Generation;
using SegmentSync.Solution.Validation;
using Xunit;

namespace SegmentSync.Solution.Tests;

/// <summary>The repository the tests run in, its config, and the shared reference beside it (when present).</summary>
public static class Repository
{
    public static readonly string Root = SolutionConfig.FindRepositoryRoot(AppContext.BaseDirectory);
    public static readonly SolutionConfig Config = SolutionConfig.Load(Root);
    public static string SourceFolder => Path.Combine(Root, Config.SourceFolder);

    public static SolutionDefinition Definition() => SegmentSyncSolutionSource.Definition(Config);

    /// <summary>../shared/reference beside the repository (CI has it; a clone alone may not).</summary>
    public static readonly string SharedReference = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
    public static readonly string? SchemaFolder = CustomizationsSchema.FindBeside(Root);
    public static bool HasShared => Directory.Exists(SharedReference) && SchemaFolder is not null;
    public const string NoSharedReason = "../shared/reference (Dataverse schemas and SDK listings) is not beside the repository: this check needs it and was skipped.";
}

/// <summary>A fact that needs ../shared; it reports itself skipped, with the reason, when ../shared is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (!Repository.HasShared) Skip = Repository.NoSharedReason;
    }
}
