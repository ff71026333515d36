using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

/// <summary>An address a user types is read as ads are read, and matched to the stored writings of the same house.</summary>
public sealed class TypedAddressTests
{
    private static readonly TypedAddress Reader = new(RegionFixture.Addresses());
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Stationslaan 14a, Harderwijk")]
    [InlineData("stationslaan 14 A harderwijk")]
    [InlineData("Stationslaan 14-a in Harderwijk")]
    public async Task DifferentWritingsOfOneHouse_GetOneKey(string typed)
    {
        var house = (await Reader.ReadAsync(typed, Ct)).ShouldNotBeNull();

        house.Key.ShouldBe("adr:GM0243:STATIONSLAAN:14A");
        house.MunicipalityCode.ShouldBe("GM0243");
    }

    [Theory]
    [InlineData("Harderwijk")] // a town is not a house
    [InlineData("bel 06 12345678")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task TextWithoutAHouse_IsNoAddress(string typed) => (await Reader.ReadAsync(typed, Ct)).ShouldBeNull();

    [Fact]
    public async Task OverlongText_IsRefusedBeforeItIsRead() =>
        (await Reader.ReadAsync("Stationslaan 14a, Harderwijk " + new string('x', TypedAddress.MaxLength), Ct)).ShouldBeNull();

    [Theory]
    [InlineData("Stationslaan", "14 a", null, "GM0243", true)]
    [InlineData("Stationsln.", "14A", null, "GM0243", true)] // the street as StreetKey compares it
    [InlineData(null, "14a", "3841 AB", null, true)]          // an ad that gave only postcode and number
    [InlineData("Stationslaan", "14b", null, "GM0243", false)]
    [InlineData("Stationslaan", "14", null, "GM0243", false)]
    [InlineData("Stationslaan", "14a", null, "GM0233", false)] // the same street name in Ermelo is another house
    [InlineData(null, "14a", "3841 AC", null, false)]
    public void SameHouse_ComparesStreetOrPostcode_AndTheNumberWithItsAddition(string? street, string? number, string? postcode, string? code, bool same)
    {
        var typed = new Place(GeoPrecision.Address, "Stationslaan", "14a", "3841AB", "Harderwijk", "GM0243", true);

        TypedAddress.SameHouse(typed, street, number, postcode, code).ShouldBe(same);
    }
}
