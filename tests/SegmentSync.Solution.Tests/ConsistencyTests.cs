using SegmentSync.Solution.Packing;
using Xunit;

namespace SegmentSync.Solution.Tests;

/// <summary>An inconsistent source does not pack: the error names the component and what is wrong.</summary>
public class ConsistencyTests
{
    private static SolutionException PackMutated(Action<SortedDictionary<string, byte[]>> mutate)
    {
        var files = SolutionSource.Load(Repository.SourceFolder).Files;
        mutate(files);
        var source = SolutionSource.FromFiles("mutated", files);
        var assembly = PluginAssemblyInspector.Inspect(PackedSolutionFixture.PluginAssembly);
        return Assert.Throws<SolutionException>(() => SolutionPacker.BuildEntries(source, assembly, Repository.Definition().CustomApis, null));
    }

    private static void Edit(SortedDictionary<string, byte[]> files, string path, string from, string to)
    {
        var text = XmlText.FromUtf8(files[path]);
        Assert.Contains(from, text);
        files[path] = XmlText.Utf8(text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void TheUnchangedSource_Packs()
    {
        var source = SolutionSource.Load(Repository.SourceFolder);
        var entries = SolutionPacker.BuildEntries(source, PluginAssemblyInspector.Inspect(PackedSolutionFixture.PluginAssembly), Repository.Definition().CustomApis, null);

        Assert.Contains("customizations.xml", entries.Keys);
    }

    [Fact]
    public void ACustomApiBoundToAMissingPluginType_IsRefused()
    {
        var error = PackMutated(files =>
        {
            var path = "customapis/segsync_ImportSegment/customapi.xml";
            var xml = XmlText.Parse(XmlText.FromUtf8(files[path]), path);
            Edit(files, path, xml.Element("plugintypeid")!.Element("plugintypeexportkey")!.Value, "0b9c7a5e-1111-4222-8333-944455566677");
        });

        Assert.Contains("Custom API 'segsync_ImportSegment' is bound to plug-in type 0b9c7a5e-1111-4222-8333-944455566677, which the plug-in assembly does not register", error.Message);
    }

    [Fact]
    public void APluginTypeTheAssemblyDoesNotContain_IsRefused()
    {
        var error = PackMutated(files =>
        {
            var path = files.Keys.Single(p => p.EndsWith(".dll.data.xml", StringComparison.Ordinal));
            Edit(files, path, "SegmentSync.Plugins.Import.ContinueSegmentImportPlugin", "SegmentSync.Plugins.Import.ResumeSegmentImportPlugin");
        });

        Assert.Contains("names plug-in type SegmentSync.Plugins.Import.ResumeSegmentImportPlugin, which SegmentSync.Plugins does not contain", error.Message);
    }

    [Fact]
    public void AParameterThePluginReadsButTheMetadataLacks_IsRefused()
    {
        var error = PackMutated(files =>
        {
            foreach (var path in files.Keys.Where(p => p.StartsWith("customapis/segsync_ImportSegment/customapirequestparameters/BatchCount/", StringComparison.Ordinal)).ToList())
                files.Remove(path);
        });

        Assert.Contains("Custom API segsync_ImportSegment: the plug-in reads request parameter 'BatchCount' (Integer, optional), which the metadata lacks", error.Message);
    }

    [Fact]
    public void AParameterWithAnotherTypeOrOptionality_IsRefused()
    {
        var error = PackMutated(files =>
        {
            var path = "customapis/segsync_ImportSegment/customapirequestparameters/ExportedOn/customapirequestparameter.xml";
            Edit(files, path, "<type>1</type>", "<type>10</type>");
            Edit(files, path, "<isoptional>0</isoptional>", "<isoptional>1</isoptional>");
        });

        Assert.Contains("request parameter 'ExportedOn' has type 10 in the metadata, but the plug-in uses DateTime (1)", error.Message);
        Assert.Contains("request parameter 'ExportedOn' is optional in the metadata, but required for the plug-in", error.Message);
    }

    [Fact]
    public void APrefixThatDoesNotMatchThePublisher_IsRefused()
    {
        var error = PackMutated(files =>
        {
            var path = "environmentvariabledefinitions/segsync_RunHistoryDays/environmentvariabledefinition.xml";
            Edit(files, path, "schemaname=\"segsync_RunHistoryDays\"", "schemaname=\"contoso_RunHistoryDays\"");
            Edit(files, "Other/Solution.xml", "<CustomizationPrefix>segsync</CustomizationPrefix>", "<CustomizationPrefix>segsync</CustomizationPrefix>");
        });

        Assert.Contains("Environment variable 'contoso_RunHistoryDays' does not start with the publisher's prefix 'segsync_'", error.Message);
    }

    [Fact]
    public void APublisherWhosePrefixDiffers_RefusesEveryComponent()
    {
        var error = PackMutated(files => Edit(files, "Other/Solution.xml", "<CustomizationPrefix>segsync</CustomizationPrefix>", "<CustomizationPrefix>contoso</CustomizationPrefix>"));

        Assert.Contains("Custom API 'segsync_ImportSegment' does not start with the publisher's prefix 'contoso_'", error.Message);
        Assert.Contains("Table 'segsync_importrun' does not start with the publisher's prefix 'contoso_'", error.Message);
    }

    [Fact]
    public void AResponsePropertyWithIsOptional_IsRefused()
    {
        var error = PackMutated(files => Edit(files, "customapis/segsync_ImportSegment/customapiresponseproperties/Status/customapiresponseproperty.xml",
            "<logicalentityname />", "<isoptional>0</isoptional>\n  <logicalentityname />"));

        Assert.Contains("a response property must not have <isoptional>", error.Message);
    }

    [Fact]
    public void AFunction_IsRefused_BecausePowerAutomateCallsOnlyActions()
    {
        var error = PackMutated(files => Edit(files, "customapis/segsync_ContinueSegmentImport/customapi.xml", "<isfunction>0</isfunction>", "<isfunction>1</isfunction>"));

        Assert.Contains("Custom API 'segsync_ContinueSegmentImport' is a function", error.Message);
    }

    [Fact]
    public void AnAssemblyOfAnotherVersionOrKey_IsRefused()
    {
        var error = PackMutated(files =>
        {
            var path = files.Keys.Single(p => p.EndsWith(".dll.data.xml", StringComparison.Ordinal));
            Edit(files, path, "Version=1.0.0.0", "Version=1.0.0.1");
        });

        Assert.Contains("but the assembly built is SegmentSync.Plugins, Version=1.0.0.0", error.Message);
    }
}
