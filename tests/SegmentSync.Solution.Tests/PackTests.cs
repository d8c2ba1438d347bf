using System.Text;
using SegmentSync.Solution.Installing;
using SegmentSync.Solution.Packing;
using SegmentSync.Solution.Validation;
using Xunit;

namespace SegmentSync.Solution.Tests;

/// <summary>The zips: the packed layout Dataverse imports, deterministic, and carrying the assembly that was built.</summary>
public class PackTests
{
    [Fact]
    public void BothZips_HaveThePackedLayout()
    {
        foreach (var (zip, managed) in new[] { (PackedSolutionFixture.ManagedZip, "1"), (PackedSolutionFixture.UnmanagedZip, "0") })
        {
            var packed = PackedSolution.Open(zip);
            var paths = packed.Entries.Keys.ToList();

            Assert.Contains("solution.xml", paths);
            Assert.Contains("customizations.xml", paths);
            Assert.Contains("[Content_Types].xml", paths);
            Assert.Contains(paths, p => p.StartsWith("PluginAssemblies/SegmentSync.Plugins-", StringComparison.Ordinal) && p.EndsWith("/SegmentSync.Plugins.dll", StringComparison.Ordinal));
            Assert.Contains("customapis/segsync_ImportSegment/customapi.xml", paths);
            Assert.Contains("environmentvariabledefinitions/segsync_RequestBudget/environmentvariabledefinition.xml", paths);
            Assert.DoesNotContain(paths, p => p.EndsWith(".data.xml", StringComparison.Ordinal) || p.StartsWith("Other/", StringComparison.Ordinal) || p.StartsWith("Entities/", StringComparison.Ordinal));
            Assert.Equal(managed, packed.Manifest.Element("SolutionManifest")!.Child("Managed"));
            Assert.False(Encoding.UTF8.GetString(packed.Entries["solution.xml"]).StartsWith("<?xml", StringComparison.Ordinal));
            Assert.False(Encoding.UTF8.GetString(packed.Entries["customizations.xml"]).StartsWith("<?xml", StringComparison.Ordinal));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, packed.Entries["[Content_Types].xml"].Take(3));
        }
    }

    [Fact]
    public void Customizations_FoldTheAssemblyTablesRolesAndRelationships()
    {
        var customizations = PackedSolution.Open(PackedSolutionFixture.ManagedZip).Customizations;

        Assert.Single(customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly"));
        Assert.Equal(3, customizations.Element("Entities")!.Elements("Entity").Count());
        Assert.All(customizations.Element("Entities")!.Elements("Entity"), e => Assert.NotEmpty(e.Element("FormXml")!.Elements("forms")));
        Assert.All(customizations.Element("Entities")!.Elements("Entity"), e => Assert.NotEmpty(e.Element("SavedQueries")!.Descendants("savedquery")));
        Assert.Equal(2, customizations.Element("Roles")!.Elements("Role").Count());
        // run -> batches, external segment -> runs, and the users who triggered a run or released a segment.
        Assert.Equal(4, customizations.Element("EntityRelationships")!.Elements("EntityRelationship").Count());
        Assert.NotNull(customizations.Element("SdkMessageProcessingSteps"));
    }

    [Fact]
    public void TheZipsAssembly_IsTheStrongNamedNet462Build_AndItsIdentityMatchesTheXml()
    {
        var packed = PackedSolution.Open(PackedSolutionFixture.ManagedZip);
        var registration = packed.Customizations.Element("SolutionPluginAssemblies")!.Element("PluginAssembly")!;
        var dll = PluginAssemblyInspector.Inspect(packed.Bytes(registration.Child("FileName")!.TrimStart('/')));

        Assert.Equal(".NETFramework,Version=v4.6.2", dll.TargetFramework);
        Assert.Equal(dll.FullName, (string?)registration.Attribute("FullName"));
        Assert.Contains("PublicKeyToken=" + dll.PublicKeyToken, (string?)registration.Attribute("FullName"));
        Assert.Equal(16, dll.PublicKeyToken.Length);
        Assert.All(registration.Descendants("PluginType"), t => Assert.EndsWith(", " + dll.FullName, (string?)t.Attribute("AssemblyQualifiedName")));
        Assert.Equal(File.ReadAllBytes(PackedSolutionFixture.PluginAssembly), dll.Bytes);
    }

    [Fact]
    public void PackingTheSameSourceTwice_GivesTheSameBytes()
    {
        var folder = Path.Combine(Path.GetTempPath(), "segsync-repack-" + Guid.NewGuid().ToString("N"));
        try
        {
            var again = SolutionPacker.Pack(new PackRequest
            {
                SourceFolder = Repository.SourceFolder,
                PluginAssemblyPath = PackedSolutionFixture.PluginAssembly,
                OutputFolder = folder,
                ManagedZipName = Repository.Config.ManagedZip,
                UnmanagedZipName = Repository.Config.UnmanagedZip,
                ExpectedApis = Repository.Definition().CustomApis,
            });

            Assert.Equal(File.ReadAllBytes(PackedSolutionFixture.ManagedZip), File.ReadAllBytes(again.ManagedZip));
            Assert.Equal(File.ReadAllBytes(PackedSolutionFixture.UnmanagedZip), File.ReadAllBytes(again.UnmanagedZip));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheShippedAssembly_CarriesNoBuildPath_SoAnyCloneBuildsTheSameBytes()
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(PackedSolutionFixture.PluginAssembly));

        Assert.DoesNotContain(pe.ReadDebugDirectory(), d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.CodeView);
        Assert.DoesNotContain(Repository.Root, Encoding.UTF8.GetString(File.ReadAllBytes(PackedSolutionFixture.PluginAssembly)), StringComparison.Ordinal);
    }

    [SharedFact]
    public void Customizations_ValidateAgainstTheDataverseSchema()
    {
        var customizations = PackedSolution.Open(PackedSolutionFixture.ManagedZip).Customizations;

        // The 9.0.0.2090 schema predates cloud flows' JsonFileName and connection references (see LegacySchemaView).
        Assert.Empty(CustomizationsSchema.Validate(LegacySchemaView.Of(customizations), Repository.SchemaFolder!));
    }

    [SharedFact]
    public void SchemaValidation_ReportsAnElementTheSchemaDoesNotAllow()
    {
        var customizations = PackedSolution.Open(PackedSolutionFixture.ManagedZip).Customizations;
        customizations.Element("Entities")!.Element("Entity")!.Element("EntityInfo")!.Element("entity")!.Add(new System.Xml.Linq.XElement("NotADataverseSetting", "1"));

        var problems = CustomizationsSchema.Validate(customizations, Repository.SchemaFolder!);

        Assert.Contains(problems, p => p.Contains("NotADataverseSetting", StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaValidation_SaysWhenTheSchemasAreAbsent()
    {
        // The tests state whether they validated: with ../shared the [SharedFact]s run; without it they are skipped
        // with Repository.NoSharedReason, and this test records which case this run was.
        Assert.Equal(Repository.SchemaFolder is not null, Repository.HasShared);
        Console.WriteLine(Repository.HasShared ? "customizations.xml validated against " + Repository.SchemaFolder : Repository.NoSharedReason);
    }
}
