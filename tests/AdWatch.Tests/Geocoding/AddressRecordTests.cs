using AdWatch.Extraction;
using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

/// <summary>
/// One house, written every way the issue lists, is one address record (street, number with addition, postcode, town) with
/// one key; two houses in one postcode keep two keys; places offered as alternatives or named as a point of reference give
/// no municipality. Written by hand, unlike both generated corpora.
/// </summary>
public sealed class AddressRecordTests
{
    private static async Task<IReadOnlyList<GeocodedAddress>> Resolve(string text) =>
        await RegionFixture.OfflineResolver().ResolveAsync(text, TestContext.Current.CancellationToken);

    private static string Describe(Place r) =>
        $"{r.Precision.ToString().ToLowerInvariant()}|{r.Street}|{r.HouseNumber}|{r.Postcode}|{r.Town}|{r.MunicipalityCode}";

    [Theory]
    [InlineData("Stationslaan 14, 3841 AB Harderwijk")]
    [InlineData("3841 AB Harderwijk, Stationslaan 14")]
    [InlineData("Stationslaan 14 Harderwijk (3841AB)")]
    [InlineData("Stationslaan 14 Harderwijk (3841-AB)")]
    [InlineData("Stationsln. 14, 3841ab Harderwijk")]
    [InlineData("Stationsln 14 3841 ab Harderwijk")]
    [InlineData("STATIONSLAAN 14\n3841 AB HARDERWIJK")]
    [InlineData("Adres: Stationslaan 14\r\n3841AB Harderwijk")]
    [InlineData("Stationslaan nr. 14, 3841 AB")]
    // writings neither corpus generator uses
    [InlineData("Stationslaan 14 – 3841 AB – Harderwijk")]
    [InlineData("Dirección: Stationslaan 14, 3841AB Harderwijk")]
    [InlineData("Endereço: Stationslaan 14 · 3841 AB Harderwijk")]
    [InlineData("Harderwijk 3841 AB, Stationslaan 14")]
    [InlineData("📍 Stationslaan 14 | 3841 AB | Harderwijk")]
    public async Task OneRecord_WhenOneHouseIsWrittenAnyWay(string text)
    {
        var results = await Resolve(text);

        results.Select(r => Describe(r.Place)).ShouldBe(["address|Stationslaan|14|3841AB|Harderwijk|GM0243"]);
        results[0].Place.Key.ShouldBe("adr:GM0243:STATIONSLAAN:14");
    }

    [Theory]
    [InlineData("pc 3841 AB nr 14")]
    [InlineData("pc 3841-AB nr. 14")]
    [InlineData("postcode 3841ab huisnummer 14")]
    [InlineData("Postcode: 3841 AB, huisnr 14")]
    public async Task PostcodeAndNumber_IsOneAddress_WithoutStreet(string text)
    {
        var results = await Resolve(text);

        results.Select(r => Describe(r.Place)).ShouldBe(["address||14|3841AB|Harderwijk|GM0243"]);
        results[0].Place.Key.ShouldBe("adr:GM0243:3841AB:14");
    }

    [Theory]
    [InlineData("Stationslaan 14a, Harderwijk", "14A")]
    [InlineData("Stationslaan 14 A, Harderwijk", "14A")]
    [InlineData("Stationslaan 14-a, Harderwijk", "14A")]
    [InlineData("Stationslaan 14-II, Harderwijk", "14-II")]
    [InlineData("Stationslaan 14 II, Harderwijk", "14-II")]
    [InlineData("Stationslaan 14 bis, Harderwijk", "14-BIS")]
    [InlineData("Stationslaan 14 hs, Harderwijk", "14-HS")]
    [InlineData("Stationslaan 14-hs, Harderwijk", "14-HS")]
    [InlineData("Stationslaan 14/1, Harderwijk", "14-1")]
    [InlineData("Stationslaan 14-1, Harderwijk", "14-1")]
    [InlineData("Stationslaan 18A-1, Harderwijk", "18A-1")]
    [InlineData("pc 3841 AB nr 14/1", "14-1")]
    public async Task HouseNumberAdditions_TakeOneForm(string text, string number)
    {
        var results = await Resolve(text);

        results[0].Place.Precision.ShouldBe(GeoPrecision.Address);
        results[0].Place.HouseNumber.ShouldBe(number);
    }

    [Theory]
    [InlineData("Burg. Fictiesingel 3, Harderwijk", "Burgemeester Fictiesingel")]
    [InlineData("Burgem. Fictiesingel 3, Harderwijk", "Burgemeester Fictiesingel")]
    [InlineData("Bgm. Fictiesingel 3, Harderwijk", "Burgemeester Fictiesingel")]
    [InlineData("Prof. Testerln 3, Harderwijk", "Professor Testerlaan")]
    [InlineData("Dr. Bedenkstr. 3, Harderwijk", "Dokter Bedenkstraat")]
    [InlineData("Verzinwg 3, Harderwijk", "Verzinweg")]
    [InlineData("Verzinwg. 3, Harderwijk", "Verzinweg")]
    [InlineData("Kerkpln 3, Harderwijk", "Kerkplein")]
    [InlineData("Oostsngl 3, Harderwijk", "Oostsingel")]
    public async Task Abbreviations_ExpandByRule(string text, string street)
    {
        var results = await Resolve(text);

        results[0].Place.Street.ShouldBe(street);
        results[0].Place.Key.ShouldBe((await Resolve($"{street} 3, Harderwijk"))[0].Place.Key);
    }

    [Fact]
    public async Task KoningAndKoningin_CompareEqual_SinceKonStandsForEither()
    {
        var kon = (await Resolve("Kon. Verzonnaplein 8, Harderwijk"))[0].Place;
        var koningin = (await Resolve("Koningin Verzonnaplein 8, Harderwijk"))[0].Place;

        kon.Street.ShouldBe("Kon. Verzonnaplein");
        kon.Key.ShouldBe(koningin.Key);
    }

    [Fact]
    public async Task TwoHousesInOnePostcode_KeepTwoKeys()
    {
        var a = (await Resolve("pc 3841 AB nr 12"))[0].Place;
        var b = (await Resolve("pc 3841 AB nr 14"))[0].Place;
        var c = (await Resolve("Stationslaan 12-1, 3841 AB Harderwijk"))[0].Place;
        var d = (await Resolve("Stationslaan 121, 3841 AB Harderwijk"))[0].Place;

        new[] { a.Key, b.Key, c.Key, d.Key }.Distinct().Count().ShouldBe(4);
    }

    [Theory]
    [InlineData("tussen Harderwijk en Ermelo")]
    [InlineData("entre Putten y Harderwijk")]
    [InlineData("between Putten and Ermelo")]
    [InlineData("regio Harderwijk/Ermelo")]
    [InlineData("zona Putten/Harderwijk")]
    [InlineData("Putten of Ermelo")]
    [InlineData("Harderwijk or Putten")]
    [InlineData("între Ermelo și Putten")]
    [InlineData("Ermelo/Putten area")]
    public async Task AlternativePlaces_InTwoMunicipalities_GiveNoMunicipality(string text)
    {
        var results = await Resolve(text);

        results.ShouldHaveSingleItem().Place.MunicipalityCode.ShouldBeNull();
        results[0].Place.Precision.ShouldBe(GeoPrecision.Region);
        results[0].Place.InRegion.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Nunspeet (10 min van Harderwijk)", "GM0302")]
    [InlineData("Garderen, vlakbij Putten", null)]
    [InlineData("en Elburg, cerca de Harderwijk", "GM0230")]
    [InlineData("em Nunspeet, perto de Harderwijk", "GM0302")]
    [InlineData("Zeewolde (a 10 min de Harderwijk)", "GM0050")]
    [InlineData("Barneveld, 15 min from Putten", "GM0203")]
    [InlineData("in Elburg (near Harderwijk)", "GM0230")]
    public async Task PointOfReference_IsNotWhereTheAdIs(string text, string? code)
    {
        var results = await Resolve(text);

        results.ShouldNotBeEmpty();
        results.ShouldAllBe(r => !r.Place.InRegion);
        if (code is not null)
        {
            results[0].Place.MunicipalityCode.ShouldBe(code);
        }
    }

    [Theory]
    [InlineData("vlakbij Putten")]
    [InlineData("near Harderwijk")]
    public async Task PointOfReference_AloneStillGivesTheArea(string text)
    {
        var results = await Resolve(text);

        results.ShouldHaveSingleItem().Place.Precision.ShouldBe(GeoPrecision.Region);
        results[0].Place.InRegion.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Sofia\nPUTTEN\nBel mij")]
    [InlineData("Sofia\nPutten\nBel mij")]
    [InlineData("Local: Putten")]
    [InlineData("Lugar: Putten")]
    public async Task Putten_IsFound_WhenSetOff(string text)
    {
        var results = await Resolve(text);

        results.Select(r => Describe(r.Place)).ShouldBe(["place||||Putten|GM0273"]);
    }

    [Theory]
    [InlineData("Kom putten uit mijn ervaring, Ermelo")]
    [InlineData("samen putten\nErmelo")]
    public async Task TheVerbPutten_StaysAVerb(string text)
    {
        var results = await Resolve(text);

        results.Select(r => r.Place.MunicipalityCode).ShouldBe(["GM0233"]);
    }

    [Theory]
    [InlineData("wij zijn met 2 en 3841 en meer")] // a common word after four figures is no postcode letter pair
    [InlineData("ik ben 1234 en meer")]
    [InlineData("open 24/7, Stationslaan bereikbaar")]
    public async Task EverydayWords_AreNoPostcodes(string text)
    {
        var results = await Resolve(text);

        results.ShouldAllBe(r => r.Place.Postcode == null || r.Place.Postcode.Length != 6);
    }

    [Theory]
    [InlineData("Stationsln. 14", "Stationslaan")]
    [InlineData("BURG. DE MEESTERSTR 3", "Burgemeester de Meesterstraat")]
    [InlineData("Kon. Julianaln", "Kon. Julianalaan")]
    [InlineData("Stationslaan", "Stationslaan")]
    public void Street_ExpandsShownForm(string written, string shown) =>
        AddressNormalizer.Street(written.Split(' ').TakeWhile(w => !char.IsDigit(w[0])).Aggregate((a, b) => a + " " + b)).ShouldBe(shown);

    [Theory]
    [InlineData("12", null, "12")]
    [InlineData("12", "a", "12A")]
    [InlineData("12", " A", "12A")]
    [InlineData("12", "-II", "12-II")]
    [InlineData("12", "bis", "12-BIS")]
    [InlineData("12", "/1", "12-1")]
    [InlineData("18", "A-1", "18A-1")]
    [InlineData("12a", null, "12A")]
    [InlineData("012", null, "12")]
    public void HouseNumber_TakesOneForm(string number, string? addition, string expected) =>
        AddressNormalizer.HouseNumber(number, addition).ShouldBe(expected);

    [Theory]
    [InlineData("3841 ab", "3841AB")]
    [InlineData("3841-AB", "3841AB")]
    [InlineData("3841", "3841")]
    [InlineData("0841AB", null)]
    [InlineData("38411", null)]
    public void Postcode_TakesOneForm(string written, string? expected) =>
        AddressNormalizer.Postcode(written).ShouldBe(expected);
}
