using AdWatch.Extraction;

namespace AdWatch.Tests.Geocoding;

public sealed class MunicipalityLocatorTests
{
    private static MunicipalityLocator Locator => RegionFixture.LoadGazetteer().Locator;

    [Theory]
    // town centres inside their polygons
    [InlineData(52.34167, 5.62083, "GM0243")] // Harderwijk
    [InlineData(52.35833, 5.67778, "GM0243")] // Hierden
    [InlineData(52.29833, 5.62222, "GM0233")] // Ermelo
    [InlineData(52.27001, 5.7081, "GM0233")]  // Speuld
    [InlineData(52.25917, 5.60694, "GM0273")] // Putten
    [InlineData(52.22799, 5.61682, "GM0273")] // Krachtighuizen
    // neighbours
    [InlineData(52.33, 5.54167, "GM0050")]    // Zeewolde
    [InlineData(52.37917, 5.78611, "GM0302")] // Nunspeet
    [InlineData(52.22, 5.48611, "GM0267")]    // Nijkerk
    [InlineData(52.21, 5.96944, "GM0200")]    // Apeldoorn
    // new land: Harderwijk Waterfront PC6 points outside the generalised coastline, within 200 m of it
    [InlineData(52.3513, 5.6139, "GM0243")]   // 3841DZ
    [InlineData(52.3555, 5.6178, "GM0243")]   // 3841WD
    public void Locate_ReturnsMunicipality_WhenPointIsInsideOrNearPolygon(double lat, double lon, string expected)
    {
        Locator.Locate(lat, lon).ShouldBe(expected);
    }

    [Theory]
    [InlineData(52.3728, 4.8936)]  // Amsterdam: outside the data
    [InlineData(52.40, 5.55)]      // the middle of the Wolderwijd lake, far from any shore
    [InlineData(0, 0)]
    [InlineData(-90, 180)]
    public void Locate_ReturnsNull_WhenPointIsFarFromEveryPolygon(double lat, double lon)
    {
        Locator.Locate(lat, lon).ShouldBeNull();
    }

    [Fact]
    public void Locate_AgreesWithPostcodeData_ForEveryRegionPc6()
    {
        var rows = File.ReadLines(Path.Combine(RegionFixture.DataFolder, "pc6_veluwe_west_geonames.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (Pc6: f[0], Code: f[3], Lat: double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture),
                          Lon: double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        var wrong = rows.Where(r => Locator.Locate(r.Lat, r.Lon) != r.Code).Select(r => r.Pc6).ToList();

        rows.Count.ShouldBe(2574);
        wrong.ShouldBeEmpty();
    }
}
