using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

public sealed class PdokResponseTests
{
    [Theory]
    [InlineData("foarsitter_free.json", "address|Bolstraat|1|3581WS|Utrecht|GM0344|out")]
    [InlineData("foarsitter_lookup.json", "address|Europalaan|93|3526KP|Utrecht|GM0344|out")]
    [InlineData("synthetic_harderwijk_free.json", "address|Stationsstraat|12|3841AB|Harderwijk|GM0243|in")]
    // suggest answers carry no municipality or point: kept, but never in the region
    [InlineData("foarsitter_suggest.json", "address||||||out")]
    public void FirstResult_MapsFirstDocument_ForRecordedResponses(string file, string expected)
    {
        var body = File.ReadAllText(PdokTestServer.Example(file));

        var result = PdokResponse.FirstResult(body, "raw", RegionFixture.LoadGazetteer());

        AddressResolverTests.Describe(result.ShouldNotBeNull()).ShouldBe(expected);
        result.Raw.ShouldBe("raw");
    }

    [Theory]
    [InlineData("foarsitter_error.json")]
    [InlineData("""{"response":{"numFound":0,"start":0,"docs":[]}}""")]
    public void FirstResult_ReturnsNull_WhenResponseHasNoDocuments(string fileOrBody)
    {
        var body = fileOrBody.StartsWith('{') ? fileOrBody : File.ReadAllText(PdokTestServer.Example(fileOrBody));

        PdokResponse.FirstResult(body, "raw", RegionFixture.LoadGazetteer()).ShouldBeNull();
    }
}
