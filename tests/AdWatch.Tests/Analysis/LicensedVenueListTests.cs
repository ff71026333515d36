using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

public sealed class LicensedVenueListTests
{
    private static AdWatch.Geocoding.Place Place(string? street, string? number, string? postcode, string? town) =>
        new(AdWatch.Geocoding.GeoPrecision.Address, street, number, postcode, town, "GM0243", true);

    private static readonly LicensedVenueList Venues = LicensedVenueList.Parse(new StringReader("""
        name,street,houseNumber,postcode,place,permit,validUntil
        Club Vuurtoren (fictief),Havenkade,99,3841 zz,Harderwijk,HW-1,2025-12-31
        Het Anker (fictief),Veldweg,201a,,Ermelo,ER-4,
        """), "licensed-venues.csv");

    [Fact]
    public void Load_ReadsTheShippedFileWithoutErrors()
    {
        var list = LicensedVenueList.Load(Path.Combine(AnalysisOptionsLoaderTests.RepoRoot(), "config", "licensed-venues.csv"));

        list.Errors.ShouldBeEmpty();
        list.Venues.Count.ShouldBeGreaterThan(0);
        list.Venues.ShouldAllBe(v => v.Name.Contains("fictief"));
    }

    [Theory]
    // by postcode and house number
    [InlineData(null, "99", "3841ZZ", null, "Club Vuurtoren (fictief)")]
    // by street, house number and place, case-insensitively
    [InlineData("havenkade", "99", null, "HARDERWIJK", "Club Vuurtoren (fictief)")]
    [InlineData("Veldweg", "201A", null, "Ermelo", "Het Anker (fictief)")]
    // must not match: postcode alone, another number, another town, no number
    [InlineData(null, null, "3841ZZ", "Harderwijk", null)]
    [InlineData(null, "98", "3841ZZ", null, null)]
    [InlineData("Veldweg", "201a", null, "Putten", null)]
    [InlineData("Havenkade", null, null, "Harderwijk", null)]
    public void Match_FindsVenue_ByPostcodeAndNumberOrByStreetNumberAndPlace(string? street, string? number, string? postcode, string? town,
        string? expected) =>
        Venues.Match(Place(street, number, postcode, town), AnalysisDays.From(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)))?.Name
            .ShouldBe(expected);

    [Fact]
    public void Match_IgnoresVenue_AfterItsPermitExpired() =>
        Venues.Match(Place(null, "99", "3841ZZ", null), AnalysisDays.From(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))).ShouldBeNull();

    [Fact]
    public void Parse_SkipsAndReportsBadRows_WithTheirLineNumber()
    {
        var list = LicensedVenueList.Parse(new StringReader("""
            name,street,houseNumber,postcode,place,permit,validUntil
            Goed (fictief),Havenkade,1,3841ZZ,Harderwijk,P1,2030-01-01
            ,Havenkade,2,3841ZZ,Harderwijk,P2,2030-01-01

            Geen nummer,Havenkade,,3841ZZ,Harderwijk,P3,2030-01-01
            Rare postcode,Havenkade,3,ABCD12,Harderwijk,P4,2030-01-01
            Rare datum,Havenkade,4,3841ZZ,Harderwijk,P5,31-12-2030
            "Met ""quotes"", fictief",Havenkade,5,3841ZZ,Harderwijk,P6,
            """), "venues.csv");

        list.Venues.Select(v => v.Name).ShouldBe(["Goed (fictief)", "Met \"quotes\", fictief"]);
        list.Errors.Count.ShouldBe(4);
        list.Errors[0].ShouldStartWith("venues.csv:3: name is empty");
        list.Errors[1].ShouldStartWith("venues.csv:5:");
        list.Errors[2].ShouldContain("expected like 3841AB");
        list.Errors[3].ShouldStartWith("venues.csv:7:");
    }

    [Fact]
    public void Parse_ReportsMissingColumns()
    {
        var list = LicensedVenueList.Parse(new StringReader("name,street\nClub,Havenkade\n"), "venues.csv");

        list.Venues.ShouldBeEmpty();
        list.Errors.ShouldContain(e => e.StartsWith("venues.csv:1: missing column 'housenumber'", StringComparison.Ordinal));
    }
}
