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

    [Theory]
    [InlineData("foarsitter_free.json", "0344200000159102", "0344010000158578")]
    [InlineData("foarsitter_lookup.json", "0344200000128086", "0344010000006589")]
    [InlineData("synthetic_harderwijk_free.json", "0243200000012345", "0243010000012345")]
    [InlineData("foarsitter_suggest.json", null, null)] // suggest answers carry no ids
    public void FirstResult_KeepsBagIds_ForRecordedResponses(string file, string? nummeraanduiding, string? verblijfsobject)
    {
        var place = PdokResponse.FirstResult(File.ReadAllText(PdokTestServer.Example(file)), "raw", RegionFixture.LoadGazetteer())!.Place;

        place.NummeraanduidingId.ShouldBe(nummeraanduiding);
        place.AdresseerbaarObjectId.ShouldBe(verblijfsobject);
        place.Gebruiksdoel.ShouldBeNull();
    }

    [Theory]
    [InlineData("adres", "\"0243200000012345\"", "0243200000012345")]
    [InlineData("adres", "243200000012345", null)]              // a number loses the leading zero: not an id
    [InlineData("adres", "\"0243-2000-0001-2345\"", null)]
    [InlineData("adres", "\"02432000000123456\"", null)]
    [InlineData("adres", "\"０２４３２０００００１２３４５\"", null)] // full-width digits are not ASCII digits
    [InlineData("adres", "null", null)]
    [InlineData("weg", "\"0243200000012345\"", null)]       // a street has no address of its own
    public void FirstResult_KeepsOnlyWellFormedAddressIds(string type, string idJson, string? expected)
    {
        var body = $$$"""{"response":{"docs":[{"type":"{{{type}}}","straatnaam":"Stationsstraat","gemeentecode":"0243","nummeraanduiding_id":{{{idJson}}},"adresseerbaarobject_id":{{{idJson}}}}]}}""";

        var place = PdokResponse.FirstResult(body, "raw", RegionFixture.LoadGazetteer())!.Place;

        place.NummeraanduidingId.ShouldBe(expected);
        place.AdresseerbaarObjectId.ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"features":[{"properties":{"gebruiksdoel":"woonfunctie"}}]}""", "woonfunctie")]
    [InlineData("""{"features":[{"properties":{"gebruiksdoel":["woonfunctie"," winkelfunctie",""]}}]}""", "woonfunctie, winkelfunctie")]
    [InlineData("""{"features":[{"properties":{"gebruiksdoel":"woonfunctie,winkelfunctie"}}]}""", "woonfunctie,winkelfunctie")]
    [InlineData("""{"features":[{"properties":{"gebruiksdoel":12}}]}""", null)]
    [InlineData("""{"features":[{"properties":{}}]}""", null)]
    [InlineData("""{"features":[]}""", null)]
    [InlineData("""{"features":[null]}""", null)]
    [InlineData("""[1,2]""", null)]
    [InlineData("""not json""", null)]
    public void Gebruiksdoel_ReadsFirstFeature_AndNeverThrows(string body, string? expected)
    {
        PdokResponse.Gebruiksdoel(body).ShouldBe(expected);
    }

    [Fact]
    public void Gebruiksdoel_ReadsRecordedSyntheticAnswer()
    {
        PdokResponse.Gebruiksdoel(File.ReadAllText(PdokTestServer.Example("synthetic_bag_verblijfsobject.json"))).ShouldBe("woonfunctie");
    }
}
