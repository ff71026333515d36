using AdWatch.Extraction;
using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

public sealed class GazetteerTests
{
    private static Gazetteer Gazetteer => RegionFixture.LoadGazetteer();

    [Theory]
    [InlineData("Harderwijk", "GM0243", true)]
    [InlineData("Hierden", "GM0243", true)]
    [InlineData("Drie", "GM0233", true)]
    [InlineData("Horst aan de Maas", "GM1507", false)]
    [InlineData("Lelystad", "GM0995", false)]
    [InlineData("Kootwijkerbroek", "GM0203", false)]
    [InlineData("Ermelo-Oost", "GM0233", true)]
    [InlineData("'t Harde", "GM0230", false)]
    public void TryFindName_FindsPlaceWithMunicipality_WhenNameIsKnown(string name, string code, bool inRegion)
    {
        Gazetteer.TryFindName(AddressText.FoldName(name), out var places).ShouldBeTrue();

        var place = places.ShouldHaveSingleItem();
        place.MunicipalityCode.ShouldBe(code);
        place.InRegion.ShouldBe(inRegion);
        place.Lat.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Horst", "GM0233", "GM1507")]
    [InlineData("Tonsel", "GM0243", "GM0233")]
    public void TryFindName_ReturnsEveryCandidate_WhenNameIsAmbiguous(string name, string first, string second)
    {
        Gazetteer.TryFindName(AddressText.FoldName(name), out var places).ShouldBeTrue();

        places.Select(p => p.MunicipalityCode).ShouldBe([first, second], ignoreOrder: true);
        places.ShouldAllBe(p => p.Lat != null);
    }

    [Theory]
    [InlineData("Centrum")]          // generic CBS names are not indexed
    [InlineData("Verspreide huizen Nulde")]
    [InlineData("Frankrijk")]        // a Harderwijk wijk that is mostly the name of a country
    [InlineData("Stationsstraat")]
    public void TryFindName_ReturnsFalse_WhenNameIsGenericOrUnknown(string name)
    {
        Gazetteer.TryFindName(AddressText.FoldName(name), out _).ShouldBeFalse();
    }

    [Fact]
    public void Load_ReadsAllSources_FromRegionFolder()
    {
        Gazetteer.Pc6Count.ShouldBe(2574);
        Gazetteer.FindPc4("3891")!.MunicipalityCode.ShouldBe("GM0050"); // Zeewolde, from the polygon
        Gazetteer.FindPc4("8212")!.MunicipalityCode.ShouldBe("GM0995"); // Lelystad, outside the polygons: from its name
        Gazetteer.FindPc6("3849AA")!.Place.ShouldBe("Hierden");
        Gazetteer.RegionCodes.ShouldBe(["GM0233", "GM0243", "GM0273"], ignoreOrder: true);
        Gazetteer.NameCount.ShouldBeGreaterThan(200);
    }

    [Fact]
    public void Load_Throws_WhenDataFolderIsMissing()
    {
        var options = new RegionOptions { DataFolder = Path.Combine(Path.GetTempPath(), "adwatch-no-such-region") };

        Should.Throw<DirectoryNotFoundException>(() => AdWatch.Extraction.Gazetteer.Load(options));
    }
}
