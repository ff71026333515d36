using AdWatch.Extraction;
using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

/// <summary>
/// Address styles, places and ambiguity against the repository's Veluwe-West gazetteer (offline). Expected results are
/// written as <c>precision|street|number|postcode|place|municipality|in/out</c> of the first (most precise) result.
/// </summary>
public sealed class AddressResolverTests
{
    private static async Task<IReadOnlyList<GeocodedAddress>> Resolve(string text) =>
        await RegionFixture.OfflineResolver().ResolveAsync(text, TestContext.Current.CancellationToken);

    internal static string Describe(GeocodedAddress a) => Describe(a.Place);

    private static string Describe(Place r) =>
        $"{r.Precision.ToString().ToLowerInvariant()}|{r.Street}|{r.HouseNumber}|{r.Postcode}|{r.Town}|{r.MunicipalityCode}|{(r.InRegion ? "in" : "out")}";

    [Theory]
    // street + house number (+ addition)
    [InlineData("Stationsstraat 12, Harderwijk", "address|Stationsstraat|12||Harderwijk|GM0243|in")]
    [InlineData("Bezoek me op de Stationsstraat 12a in Harderwijk", "address|Stationsstraat|12A||Harderwijk|GM0243|in")]
    [InlineData("Adres: Stationsstraat 12 A, Ermelo", "address|Stationsstraat|12A||Ermelo|GM0233|in")]
    [InlineData("Westeringlaan 18A-1 Putten", "address|Westeringlaan|18A-1||Putten|GM0273|in")]
    [InlineData("Van Kinsbergenstraat 3-2, Harderwijk", "address|Van Kinsbergenstraat|3-2||Harderwijk|GM0243|in")]
    [InlineData("Burgemeester de Meesterstraat 7 Harderwijk", "address|Burgemeester de Meesterstraat|7||Harderwijk|GM0243|in")]
    [InlineData("in de stationsstraat 12 harderwijk", "address|Stationsstraat|12||Harderwijk|GM0243|in")]
    [InlineData("STATIONSSTRAAT 12 ERMELO", "address|Stationsstraat|12||Ermelo|GM0233|in")]
    [InlineData("Stationsplein nr. 5, Putten", "address|Stationsplein|5||Putten|GM0273|in")]
    [InlineData("Nieuwe Markt 2 in Harderwijk", "address|Nieuwe Markt|2||Harderwijk|GM0243|in")]
    [InlineData("Markt 5, Putten", "address|Markt|5||Putten|GM0273|in")]
    [InlineData("Julianalaan 99 te Putten", "address|Julianalaan|99||Putten|GM0273|in")]
    [InlineData("Stationsstraat 12-14 Harderwijk", "address|Stationsstraat|12-14||Harderwijk|GM0243|in")]
    [InlineData("Stationsstraat 12, 3841 AB Harderwijk", "address|Stationsstraat|12|3841AB|Harderwijk|GM0243|in")]
    [InlineData("Dorpsstraat 4 3849AB", "address|Dorpsstraat|4|3849AB|Hierden|GM0243|in")]
    [InlineData("Escort Ermelo 💋 privé adres: Kerkweg 3", "address|Kerkweg|3||Ermelo|GM0233|in")]
    [InlineData("Harderwijkerweg 12, Ermelo", "address|Harderwijkerweg|12||Ermelo|GM0233|in")]
    [InlineData("Stationsstraat 12", "address|Stationsstraat|12||||out")]
    // street without number
    [InlineData("ik woon in de Stationsstraat, Putten", "street|Stationsstraat|||Putten|GM0273|in")]
    [InlineData("Harderwijkerweg, Ermelo", "street|Harderwijkerweg|||Ermelo|GM0233|in")]
    [InlineData("Stationsstraat in Harderwijk", "street|Stationsstraat|||Harderwijk|GM0243|in")]
    // postcodes, both spellings, with and without place
    [InlineData("3841 AB", "postcode|||3841AB|Harderwijk|GM0243|in")]
    [InlineData("3841AB", "postcode|||3841AB|Harderwijk|GM0243|in")]
    [InlineData("postcode 3851aa", "postcode|||3851AA|Ermelo|GM0233|in")]
    [InlineData("3881 AB Putten", "postcode|||3881AB|Putten|GM0273|in")]
    [InlineData("3841 Harderwijk", "postcode|||3841|Harderwijk|GM0243|in")]
    [InlineData("3841 EN Harderwijk", "postcode|||3841EN|Harderwijk|GM0243|in")]
    [InlineData("3891 AB Zeewolde", "postcode|||3891AB|Zeewolde|GM0050|out")]
    [InlineData("1012 AB Amsterdam", "postcode|||1012AB|Amsterdam|GM0363|out")]
    [InlineData("Zeewolde 3891AB", "postcode|||3891AB|Zeewolde|GM0050|out")]
    [InlineData("3853 EN Ermelo", "postcode|||3853EN|Ermelo|GM0233|in")]
    // regio / omgeving / centrum
    [InlineData("regio Harderwijk", "region||||Harderwijk|GM0243|in")]
    [InlineData("omgeving Ermelo", "region||||Ermelo|GM0233|in")]
    [InlineData("Putten e.o.", "region||||Putten|GM0273|in")]
    [InlineData("in de buurt van Harderwijk", "region||||Harderwijk|GM0243|in")]
    [InlineData("cerca de Ermelo", "region||||Ermelo|GM0233|in")]
    [InlineData("regio Veluwe-West", "region||||Veluwe-West||in")]
    [InlineData("Harderwijk-centrum", "neighbourhood||||Harderwijk-Centrum|GM0243|in")]
    [InlineData("centrum Ermelo", "neighbourhood||||Ermelo-Centrum|GM0233|in")]
    [InlineData("Putten centrum", "neighbourhood||||Putten-Centrum|GM0273|in")]
    [InlineData("no centro de Harderwijk", "neighbourhood||||Harderwijk-Centrum|GM0243|in")]
    // villages, hamlets and neighbourhoods
    [InlineData("Hierden", "place||||Hierden|GM0243|in")]
    [InlineData("lekker massage in Speuld", "place||||Speuld|GM0233|in")]
    [InlineData("Nu in Drie!", "place||||Drie|GM0233|in")]
    [InlineData("Huinen, Putten", "place||||Huinen|GM0273|in")]
    [InlineData("Krachtighuizen", "place||||Krachtighuizen|GM0273|in")]
    [InlineData("wijk Stadsdennen", "neighbourhood||||Stadsdennen|GM0243|in")]
    [InlineData("Drielanden", "neighbourhood||||Drielanden|GM0243|in")]
    [InlineData("Stadsdennen-Noord", "neighbourhood||||Stadsdennen-Noord|GM0243|in")]
    [InlineData("Oude Telgt", "place||||Telgt|GM0233|in")]
    // English, Spanish, Portuguese phrasing
    [InlineData("New girl in Ermelo!!", "place||||Ermelo|GM0233|in")]
    [InlineData("Chica nueva en Harderwijk 🔥", "place||||Harderwijk|GM0243|in")]
    [InlineData("Garota nova em Putten, só hoje", "place||||Putten|GM0273|in")]
    [InlineData("Visiting Putten this weekend only :) text me", "place||||Putten|GM0273|in")]
    [InlineData("Chica latina visitando Putten hasta el domingo", "place||||Putten|GM0273|in")]
    [InlineData("Estoy de paso por Putten, escríbeme al wasap", "place||||Putten|GM0273|in")]
    // odd Unicode: Cyrillic look-alike, mathematical bold, zero-width space, fullwidth, emoji
    [InlineData("Hаrderwijk", "place||||Harderwijk|GM0243|in")]
    [InlineData("𝐄𝐫𝐦𝐞𝐥𝐨", "place||||Ermelo|GM0233|in")]
    [InlineData("Har\u200Bderwijk", "place||||Harderwijk|GM0243|in")]
    [InlineData("ＰＵＴＴＥＮ", "place||||Putten|GM0273|in")]
    [InlineData("📍Ermelo💋", "place||||Ermelo|GM0233|in")]
    // outside the region: resolved with their municipality so touring shows
    [InlineData("vandaag in Zeewolde", "place||||Zeewolde|GM0050|out")]
    [InlineData("Nunspeet", "place||||Nunspeet|GM0302|out")]
    [InlineData("Amersfoort", "place||||Amersfoort|GM0307|out")]
    [InlineData("Apeldoorn", "place||||Apeldoorn|GM0200|out")]
    [InlineData("Barneveld", "place||||Barneveld|GM0203|out")]
    [InlineData("Elburg", "place||||Elburg|GM0230|out")]
    [InlineData("Utrecht", "place||||Utrecht|GM0344|out")]
    [InlineData("Amsterdam", "place||||Amsterdam|GM0363|out")]
    [InlineData("Bolstraat 1, Utrecht", "address|Bolstraat|1||Utrecht|GM0344|out")]
    // the house number before the street, labelled numbers in Spanish and Portuguese, "y" for "ij"
    [InlineData("I receive at 14 Stationsstraat, Harderwijk (ground floor)", "address|Stationsstraat|14||Harderwijk|GM0243|in")]
    [InlineData("visit me at 7b Dorpsstraat in Putten", "address|Dorpsstraat|7B||Putten|GM0273|in")]
    [InlineData("Estoy en la calle Stationsstraat número 14, Harderwijk", "address|Stationsstraat|14||Harderwijk|GM0243|in")]
    [InlineData("Rua Stationsstraat, numero 14 - Ermelo", "address|Stationsstraat|14||Ermelo|GM0233|in")]
    [InlineData("solo esta semana en Harderwyk", "place||||Harderwijk|GM0243|in")]
    [InlineData("Adres: Stationsstraat\n12\nHarderwijk", "address|Stationsstraat|12||Harderwijk|GM0243|in")]
    [InlineData("14, Stationsstraat, Harderwijk", "address|Stationsstraat|14||Harderwijk|GM0243|in")]
    [InlineData("Stationsstraat nº 14, Harderwijk", "address|Stationsstraat|14||Harderwijk|GM0243|in")]
    [InlineData("Stationsstraat n° 14 Harderwijk", "address|Stationsstraat|14||Harderwijk|GM0243|in")]
    [InlineData("Stationsstraat #14 Harderwijk", "address|Stationsstraat|14||Harderwijk|GM0243|in")]
    [InlineData("Calle Stationsstraat 14, Harderwijk", "address|Stationsstraat|14||Harderwijk|GM0243|in")]
    [InlineData("Rua Stationsstraat nº14 - Ermelo", "address|Stationsstraat|14||Ermelo|GM0233|in")]
    [InlineData("visit: 14A Stationsstraat Harderwijk", "address|Stationsstraat|14A||Harderwijk|GM0243|in")]
    [InlineData("Stationsstraat\n14a\n3841 AB Harderwijk", "address|Stationsstraat|14A|3841AB|Harderwijk|GM0243|in")]
    [InlineData("vlak bij de Stationsstraat\n5 min lopen, Harderwijk", "street|Stationsstraat|||Harderwijk|GM0243|in")]
    [InlineData("Nykerk", "place||||Nijkerk|GM0267|out")]
    public async Task ResolveAsync_FirstResultMatches_ForAddressStyle(string text, string expected)
    {
        var results = await Resolve(text);

        results.ShouldNotBeEmpty();
        Describe(results[0]).ShouldBe(expected);
    }

    [Theory]
    // a common-word town confirmed by the way ads label or set off a place
    [InlineData("Waar: Putten")]
    [InlineData("Where: Putten, only this week")]
    [InlineData("Dónde: Putten")]
    [InlineData("Sofia (Putten)")]
    [InlineData("Nieuwe dame [Putten] 💋")]
    [InlineData("SOFIA 25 JAAR PUTTEN")]
    [InlineData("Lieve Sofia, 25 jaar, Putten")]
    [InlineData("Lieve Sofia - Putten")]
    [InlineData("Sofia 25 | Putten | privé")]
    [InlineData("Putten (Gelderland)")]
    [InlineData("nieuw: Putten, Gld.")]
    [InlineData("Putten, Gelderland")]
    [InlineData("Putten (Holanda)")]
    [InlineData("Putten – Gelderland")]
    public async Task ResolveAsync_FindsPutten_WhenAdsSetTheNameOff(string text)
    {
        var results = await Resolve(text);

        results.Select(Describe).ShouldBe(["place||||Putten|GM0273|in"]);
    }

    [Theory]
    // Horst: Ermelo's hamlet with regional context, the Limburg town otherwise
    [InlineData("Horst, Ermelo", "place||||Horst|GM0233|in")]
    [InlineData("Horst (Ermelo)", "place||||Horst|GM0233|in")]
    [InlineData("in Horst bij Ermelo", "place||||Horst|GM0233|in")]
    [InlineData("Horst aan de Maas", "place||||Horst aan de Maas|GM1507|out")]
    [InlineData("in Horst aan de Maas", "place||||Horst aan de Maas|GM1507|out")]
    [InlineData("Deze week in Horst", "place||||Horst|GM1507|out")]
    // Tonsel straddles Harderwijk and Ermelo
    [InlineData("in Tonsel", "neighbourhood||||Tonsel|GM0243|in")]
    [InlineData("Tonsel, Ermelo", "neighbourhood||||Tonsel|GM0233|in")]
    // a street named after a town lies where the ad says
    [InlineData("Harderwijkerweg 12 Ermelo", "address|Harderwijkerweg|12||Ermelo|GM0233|in")]
    [InlineData("Putterweg 3, Ermelo", "address|Putterweg|3||Ermelo|GM0233|in")]
    // the place next to a postcode is the postcode's place, the postcode wins
    [InlineData("Dorpsstraat 1, 3849 AA Hierden", "address|Dorpsstraat|1|3849AA|Hierden|GM0243|in")]
    public async Task ResolveAsync_ContextDecides_WhenNameIsAmbiguous(string text, string expected)
    {
        var results = await Resolve(text);

        results.ShouldNotBeEmpty();
        Describe(results[0]).ShouldBe(expected);
    }

    [Theory]
    // "putten uit" is a verb, not the town
    [InlineData("Ik kan putten uit jaren ervaring")]
    [InlineData("putten uit ervaring")]
    [InlineData("energie om uit te putten")]
    [InlineData("Waar putten we onze kracht uit? Uit elkaar")]
    [InlineData("Kracht putten, daar gaat het om")]
    // everyday words that are also hamlets
    [InlineData("drie uur lang genieten")]
    [InlineData("Drie uur lang genieten")]
    [InlineData("welcome to hell")]
    [InlineData("hoef je niks te doen")]
    // prices, phone numbers, times, body measurements, quantities
    [InlineData("Prijs: 3841 euro")]
    [InlineData("bel 0612345678")]
    [InlineData("06-12345678 / +31 6 1234 5678")]
    [InlineData("open 10:00 - 22:00, 24/7")]
    [InlineData("maten 90-60-90, cup 75B, 1500 ml")]
    [InlineData("lengte 170 cm, gewicht 60 kg, 2000 MB")]
    [InlineData("sinds 2019 en nog steeds")]
    [InlineData("sinds 3853 en nog steeds")]
    [InlineData("ik draag maat 1234 XL")]
    [InlineData("ik ben onderweg 24 uur")]
    [InlineData("vlak bij de snelweg 5 min")]
    [InlineData("Stationsstraat 1234567")]
    // figures before a street are a price, a time or a phone, not a house number
    [InlineData("30 min 100, 60 min 150 Stationsstraat")]
    [InlineData("open 24/7 Stationsstraat")]
    [InlineData("bel 06 12 34 56 78 Stationsstraat")]
    // a street named after a town is not that town
    [InlineData("Harderwijkerweg")]
    [InlineData("de snelweg")]
    // hostile input
    [InlineData("")]
    [InlineData("   \u200B\u200B  ")]
    [InlineData("\uD800 lone surrogate \uDC00")]
    [InlineData("💋💋💋🔥🔥")]
    public async Task ResolveAsync_ReturnsNothing_WhenTextNamesNoPlace(string text)
    {
        var results = await Resolve(text);

        results.Select(Describe).ShouldBeEmpty();
    }

    [Fact]
    public async Task ResolveAsync_ReturnsEachLocationOnceMostPreciseFirst_WhenTextNamesSeveral()
    {
        var results = await Resolve("Nieuw in Harderwijk! Stationsstraat 12, Harderwijk. Ook regio Ermelo en Zeewolde. Harderwijk 💋");

        results.Select(Describe).ShouldBe([
            "address|Stationsstraat|12||Harderwijk|GM0243|in",
            "place||||Harderwijk|GM0243|in",
            "region||||Ermelo/Zeewolde||out", // a list of towns is a service area: no one municipality
        ]);
    }

    [Theory]
    [InlineData("Ook escort Harderwijk/Ermelo/Putten", "region||||Harderwijk/Ermelo/Putten||in")] // alternatives: one service area, no code
    [InlineData("Harderwijk, Horst en Drie", "region||||Harderwijk/Horst/Drie||in")]
    [InlineData("Thuisontvangst in Hierden, 2e verdieping, Zeeweg 8-2", "address|Zeeweg|8-2||Hierden|GM0243|in", "place||||Hierden|GM0243|in")]
    [InlineData("Adres: Sportlaan 1, 3851 AA Ermelo. Parkeren bij de Albert Heijn.", "address|Sportlaan|1|3851AA|Ermelo|GM0233|in")]
    [InlineData("Kom naar Nunspeet of Elburg", "region||||Nunspeet/Elburg||out")]
    [InlineData("Fijne straat in Ermelo", "place||||Ermelo|GM0233|in")] // lower case street word, not a street name
    public async Task ResolveAsync_ReturnsEveryMention_WhenTextListsSeveral(string text, params string[] expected)
    {
        var results = await Resolve(text);

        results.Select(Describe).ShouldBe(expected);
    }

    [Theory]
    [InlineData("📍 Drielanden (Harderwijk) | 150 euro", "Drielanden (Harderwijk)")]
    [InlineData("Adres: Sportlaan 1, 3851 AA Ermelo. Parkeren", "Sportlaan 1, 3851 AA Ermelo")]
    [InlineData("nieuw in de regio Harderwijk!", "regio Harderwijk")]
    [InlineData("Har\u200Bderwijk-centrum", "Harderwijk-centrum")]
    public async Task ResolveAsync_KeepsTextAsWritten_InRaw(string text, string raw)
    {
        var results = await Resolve(text);

        results.ShouldHaveSingleItem().Raw.ShouldBe(raw);
    }

    [Fact]
    public async Task ResolveAsync_NeverThrows_WhenTextIsRandomMixOfTrickyCharacters()
    {
        string[] pieces = ["Stationsstraat", " 12", "a", "-", "3841", " AB", "Harderwijk", "Horst", " aan de ", "Maas", "(", ")",
            ",", "regio ", "centrum", "\u200B", "\uD83D", "\uDE00", "💋", "𝐄", "Ａ", "ẞ", "İ", "\u0301", "\n", "e.o.", "putten", " uit ",
            "0", "9", "'t ", "’", "nr.", "\0", "\uFEFF", "\u00AD", "ﬁ", "Ⅻ", "①"];
        var random = new Random(4242);
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));

            var results = await Resolve(text);

            results.ShouldAllBe(r => r.Raw.Length > 0 && r.Place.Key.Length > 0, text);
        }
    }

    [Fact]
    public async Task ResolveAsync_SameKey_WhenAddressWrittenWithAndWithoutPostcode()
    {
        var withPlace = (await Resolve("Stationsstraat 12, Harderwijk"))[0];
        var withPostcode = (await Resolve("stationsstraat 12 3841AB Harderwijk"))[0];

        withPostcode.Place.Key.ShouldBe(withPlace.Place.Key);
        withPlace.Place.Key.ShouldBe("adr:GM0243:STATIONSSTRAAT:12");
    }

    [Fact]
    public async Task ResolveAsync_UsesPostcodeCoordinates_WhenAddressHasPostcode()
    {
        var result = (await Resolve("Stationsstraat 12, 3841 AB Harderwijk"))[0];

        result.Place.Lat.ShouldBe(52.3529);
        result.Place.Lon.ShouldBe(5.6191);
    }

    [Fact]
    public async Task ResolveAsync_StillFindsTheAddress_WhenTextIsHugeAndHostile()
    {
        // Repeated street names, absurd house numbers, a 100,000-letter word and lone surrogates: the pass is linear
        // (non-backtracking patterns, one token pass), so it completes; the address written first is still found.
        var hostile = "Stationsstraat 12, Harderwijk. "
                      + string.Concat(Enumerable.Repeat("Stationsstraat Stationsstraat 9999999 aaaaaaaaaa 3841 ", 5000))
                      + new string('a', 100_000) + string.Concat(Enumerable.Repeat("\uD83D", 1000));

        var results = await Resolve(hostile);

        Describe(results[0]).ShouldBe("address|Stationsstraat|12||Harderwijk|GM0243|in");
    }
}
