using System.Text;
using AdWatch.Extraction;
using AdWatch.Tests.Geocoding;

namespace AdWatch.Tests.Extraction;

/// <summary>
/// Blinding by padding: kilobytes of filler (often in a hidden element) before the address must not hide the house, and an
/// address across the edge of a read window is read whole, never with a cut house number.
/// </summary>
public sealed class AddressPaddingTests
{
    private static readonly AddressExtractor Extractor = RegionFixture.Addresses();

    private static string Filler(int length)
    {
        var sb = new StringBuilder(length + 16);
        var words = new[] { "lorem", "ipsum", "dolor", "sit", "amet", "zoete", "groetjes" };
        for (var i = 0; sb.Length < length; i++)
        {
            sb.Append(words[i % words.Length]).Append(' ');
        }
        return sb.ToString(0, length);
    }

    [Theory]
    [InlineData(70_000)]
    [InlineData(300_000)]
    public void AnAddressAfterPadding_IsStillRead(int padding)
    {
        var mentions = Extractor.Extract(Filler(padding) + " Nieuw! Stationslaan 14, Harderwijk. Bel me.");

        var house = mentions.Where(m => m.Kind == AddressMentionKind.Address).ShouldHaveSingleItem();
        (house.Street, house.HouseNumber, house.Place?.MunicipalityCode).ShouldBe(("Stationslaan", "14", "GM0243"));
        house.Start.ShouldBeGreaterThan(padding);
    }

    [Theory]
    [InlineData(14)] // "Stationslaan 1|4"
    [InlineData(8)]  // "Stations|laan 14"
    [InlineData(16)] // "Stationslaan 14 |Harderwijk"
    public void AnAddressAcrossTheEdgeOfAWindow_IsReadWhole(int charsBeforeTheEdge)
    {
        // The address begins charsBeforeTheEdge characters before the end of the first window.
        var text = Filler(AddressText.MaxLength - charsBeforeTheEdge - 1) + " Stationslaan 14 Harderwijk " + Filler(5_000);

        var houses = Extractor.Extract(text).Where(m => m.Kind == AddressMentionKind.Address).ToList();

        houses.ShouldNotBeEmpty();
        houses.ShouldAllBe(m => m.HouseNumber == "14" && m.Street == "Stationslaan");
    }

    [Fact]
    public void ReadingIsBounded_TextBeyondTheLastWindowIsNotRead() =>
        Extractor.Extract(Filler(AddressExtractor.MaxScannedLength + 10_000) + " Stationslaan 14, Harderwijk")
            .ShouldNotContain(m => m.Kind == AddressMentionKind.Address);
}
