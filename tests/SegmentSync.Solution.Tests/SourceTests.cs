using SegmentSync.Plugins.Schema;
using SegmentSync.Solution.Generation;
using Xunit;

namespace SegmentSync.Solution.Tests;

/// <summary>solution/ is generated from the C# schema: it must be exactly what the generator writes today.</summary>
public class SourceTests
{
    [Fact]
    public void SolutionFolder_IsUpToDateWithTheSchema()
    {
        var differences = SolutionWorkflow.Compare(Repository.SourceFolder, Repository.Definition());

        Assert.True(differences.Count == 0,
            "solution/ is out of date with the C# schema; run `dotnet run --project tools/SegmentSync.Cli -- solution generate` and commit the result:"
            + Environment.NewLine + string.Join(Environment.NewLine, differences.Select(d => $"  {d.Change}: {d.Path}")));
    }

    [Fact]
    public void Generation_IsDeterministic()
    {
        var first = SolutionGenerator.Generate(Repository.Definition());
        var second = SolutionGenerator.Generate(Repository.Definition());

        Assert.Equal(first, second);
    }

    [Fact]
    public void EveryCustomApiDescriptor_HasItsFolder_AndEverySettingItsDefinition()
    {
        var files = SolutionGenerator.Generate(Repository.Definition());

        foreach (var api in CustomApis.All)
        {
            Assert.Contains("customapis/" + api.UniqueName + "/customapi.xml", files.Keys);
            foreach (var field in api.RequestParameters)
                Assert.Contains($"customapis/{api.UniqueName}/customapirequestparameters/{field.UniqueName}/customapirequestparameter.xml", files.Keys);
            foreach (var field in api.ResponseProperties)
                Assert.Contains($"customapis/{api.UniqueName}/customapiresponseproperties/{field.UniqueName}/customapiresponseproperty.xml", files.Keys);
        }

        foreach (var setting in SegmentSyncSettings.All)
            Assert.Contains($"environmentvariabledefinitions/{setting.SchemaName}/environmentvariabledefinition.xml", files.Keys);
    }

    [Fact]
    public void Manifest_CarriesThePublisherAndVersionOfPacConfig()
    {
        var manifest = XmlText.Parse(File.ReadAllText(Path.Combine(Repository.SourceFolder, "Other", "Solution.xml")), "Solution.xml").Element("SolutionManifest")!;
        var publisher = manifest.Element("Publisher")!;

        Assert.Equal(Repository.Config.UniqueName, manifest.Child("UniqueName"));
        Assert.Equal(Repository.Config.Version, manifest.Child("Version"));
        Assert.Equal("segsync", publisher.Child("CustomizationPrefix"));
        Assert.Equal("73610", publisher.Child("CustomizationOptionValuePrefix"));
        Assert.Equal(Repository.Config.Publisher.UniqueName, publisher.Child("UniqueName"));
    }

    [Fact]
    public void CustomApis_AreUnboundActions_TheSegmentApisWithTheWriteSegmentPrivilege_TheGuardSetUpWithTheStepPrivilege()
    {
        foreach (var api in CustomApis.All)
        {
            var xml = XmlText.Parse(File.ReadAllText(Path.Combine(Repository.SourceFolder, "customapis", api.UniqueName, "customapi.xml")), api.UniqueName);
            Assert.Equal("0", xml.Child("isfunction"));
            Assert.Equal("0", xml.Child("bindingtype"));
            Assert.Equal("0", xml.Child("isprivate"));
            var privilege = api.UniqueName == GuardSetupApi.ConfigureGuard ? PluginRegistrationTables.Step.CreatePrivilege : ExternalSegmentTable.WritePrivilege;
            Assert.Equal(privilege, xml.Child("executeprivilegename"));
            Assert.Equal(ComponentXml.PluginTypeId(api.PluginTypeName).ToString("D"), xml.Element("plugintypeid")!.Element("plugintypeexportkey")!.Value);
        }
    }

    [Fact]
    public void ComponentIds_AreStable()
    {
        // Changing these ids would make Dataverse see new components on upgrade: they are derived from names only.
        Assert.Equal(new Guid("85439373-55a4-5dc8-9053-26653fd52cd3"), ComponentXml.AssemblyId(Repository.Definition()));
    }

    [Fact]
    public void AMissingColumnLabel_IsAClearError()
    {
        var definition = Repository.Definition();
        var run = definition.PresentationOf(ImportRunTable.LogicalName);
        var columns = run.Columns.Where(c => c.Key != ImportRunTable.MembersAdded).ToDictionary(c => c.Key, c => c.Value);
        var broken = new SolutionDefinition
        {
            Config = definition.Config, PluginAssembly = definition.PluginAssembly, CustomApis = definition.CustomApis, Steps = definition.Steps,
            Settings = definition.Settings, Tables = definition.Tables, Relationships = definition.Relationships, Roles = definition.Roles,
            Presentation = definition.Presentation.Select(p => p.LogicalName != ImportRunTable.LogicalName ? p : new TablePresentation
            {
                LogicalName = p.LogicalName, DisplayName = p.DisplayName, PluralName = p.PluralName, Description = p.Description, Columns = columns,
                OptionLabels = p.OptionLabels, Form = p.Form, Views = p.Views, QuickFindColumns = p.QuickFindColumns,
            }).ToList(),
        };

        var error = Assert.Throws<SolutionException>(() => SolutionGenerator.Generate(broken));
        Assert.Contains("segsync_importrun.segsync_membersadded has no display name", error.Message);
    }
}
