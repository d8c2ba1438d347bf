using SegmentSync.Plugins.Domain;
using Xunit;

namespace SegmentSync.Plugins.Tests.Domain;

public class NameBasedGuidTests
{
    [Fact]
    public void Create_MatchesTheRfc4122VersionFiveValue()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedGuid.Create(dns, "www.example.com"));
    }

    [Fact]
    public void Create_SameName_SameId_OtherName_OtherId()
    {
        var ns = Guid.NewGuid();

        Assert.Equal(NameBasedGuid.Create(ns, "a/1"), NameBasedGuid.Create(ns, "a/1"));
        Assert.NotEqual(NameBasedGuid.Create(ns, "a/1"), NameBasedGuid.Create(ns, "a/2"));
    }
}
