using System;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace SegmentSync.Sdk.Tests.Surface;

/// <summary>
/// The contract must be a subset of the real Microsoft.Xrm.Sdk: every public line we produce exists verbatim in the
/// real SDK's listing, and the assembly carries the real identity, so plug-ins compiled against it bind to the real
/// SDK inside Dataverse.
/// </summary>
public class ContractSurfaceTests
{
    private static readonly string ContractPath = typeof(Entity).Assembly.Location;

    private static string[] Listing() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "Microsoft.Xrm.Sdk.api.txt"));

    [Fact]
    public void PublicSurface_EveryLine_ExistsVerbatimInTheRealSdkListing()
    {
        var listing = Listing().ToHashSet(StringComparer.Ordinal);

        var extra = ApiLines.Read(ContractPath).Where(line => !listing.Contains(line)).ToList();

        Assert.True(extra.Count == 0, "Not in the real SDK listing:\n" + string.Join("\n", extra));
    }

    [Fact]
    public void PublicSurface_CoreTypes_ArePresent()
    {
        var types = ApiLines.Read(ContractPath).Where(l => l.StartsWith("T ", StringComparison.Ordinal)).ToList();

        foreach (var name in new[]
                 {
                     "Microsoft.Xrm.Sdk.Entity", "Microsoft.Xrm.Sdk.IPlugin", "Microsoft.Xrm.Sdk.IPluginExecutionContext",
                     "Microsoft.Xrm.Sdk.IOrganizationService", "Microsoft.Xrm.Sdk.Query.QueryExpression",
                     "Microsoft.Xrm.Sdk.Messages.ExecuteMultipleRequest", "Microsoft.Xrm.Sdk.OrganizationServiceFault",
                 })
        {
            Assert.Contains(types, l => l.Contains(" " + name + " ", StringComparison.Ordinal) || l.EndsWith(" " + name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ApiLines_OfTheListedEntityType_MatchTheListingFormat()
    {
        var lines = ApiLines.Read(ContractPath);

        Assert.Contains("T class Microsoft.Xrm.Sdk.Entity : System.Object ; implements System.Runtime.Serialization.IExtensibleDataObject", lines);
        Assert.Contains("M Microsoft.Xrm.Sdk.Entity :: virtual !!0 GetAttributeValue<T>(System.String)", lines);
        Assert.Contains("P Microsoft.Xrm.Sdk.Entity :: System.Object Item[System.String] { get; set; }", lines);
        Assert.Contains("F Microsoft.Xrm.Sdk.Query.ConditionOperator :: static Microsoft.Xrm.Sdk.Query.ConditionOperator Equal = 0", lines);
    }

    [Fact]
    public void AssemblyIdentity_IsTheRealSdkIdentity()
    {
        var name = typeof(Entity).Assembly.GetName();

        Assert.Equal("Microsoft.Xrm.Sdk", name.Name);
        Assert.Equal(new Version(9, 0, 0, 0), name.Version);
        Assert.Equal("31bf3856ad364e35", Convert.ToHexString(name.GetPublicKeyToken() ?? []).ToLowerInvariant());
    }
}
