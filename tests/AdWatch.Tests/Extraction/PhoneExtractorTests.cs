using AdWatch.Extraction;

namespace AdWatch.Tests.Extraction;

public sealed class PhoneExtractorTests
{
    private readonly PhoneExtractor _extractor = new();

    [Theory]
    // plain forms
    [InlineData("Bel 06-12345678", "+31612345678", false)]
    [InlineData("Bel 06-12 34 56 78 voor een afspraak", "+31612345678", false)]
    [InlineData("tel 0612345678", "+31612345678", false)]
    [InlineData("06.12.34.56.78", "+31612345678", false)]
    [InlineData("06 - 1234 5678", "+31612345678", false)]
    [InlineData("(06) 123 456 78", "+31612345678", false)]
    [InlineData("0341-412345 (vaste lijn)", "+31341412345", false)]
    [InlineData("020 612 3456", "+31206123456", false)]
    // international forms
    [InlineData("+31 6 12345678", "+31612345678", false)]
    [InlineData("+31612345678", "+31612345678", false)]
    [InlineData("0031 6 1234 5678", "+31612345678", false)]
    [InlineData("+31(0)6-12345678", "+31612345678", false)]
    [InlineData("+31 (0) 6 1234 5678", "+31612345678", false)]
    [InlineData("+31 06 12345678", "+31612345678", false)]
    [InlineData("+ 31 6 12 34 56 78", "+31612345678", false)]
    // foreign mobiles
    [InlineData("WhatsApp +57 300 123 4567", "+573001234567", false)]
    [InlineData("+55 11 91234-5678 whats", "+5511912345678", false)]
    [InlineData("+58 412 1234567", "+584121234567", false)]
    [InlineData("+51 912 345 678", "+51912345678", false)]
    [InlineData("+52 55 1234 5678", "+525512345678", false)]
    [InlineData("+34 612 34 56 78", "+34612345678", false)]
    [InlineData("+49 151 23456789", "+4915123456789", false)]
    [InlineData("+32 470 12 34 56", "+32470123456", false)]
    [InlineData("0049 1512 3456789", "+4915123456789", false)]
    // Unicode digits and separators
    [InlineData("０６－１２３４５６７８", "+31612345678", true)]
    [InlineData("𝟎𝟔𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "+31612345678", true)]
    [InlineData("𝟬𝟲 𝟭𝟮𝟯𝟰𝟱𝟲𝟳𝟴", "+31612345678", true)]
    [InlineData("0️⃣6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣", "+31612345678", true)]
    [InlineData("06–12345678", "+31612345678", true)]
    [InlineData("06—1234—5678", "+31612345678", true)]
    [InlineData("06\u00A012345678", "+31612345678", false)]
    [InlineData("06\u200B1234\u200C5678", "+31612345678", true)]
    [InlineData("0\u200D6\uFEFF12345678", "+31612345678", true)]
    [InlineData("06*12*34*56*78", "+31612345678", true)]
    [InlineData("06_1234_5678", "+31612345678", true)]
    [InlineData("06/1234/5678", "+31612345678", false)]
    [InlineData("06 1234\n5678", "+31612345678", true)]
    [InlineData("06 1234\r\n5678", "+31612345678", true)]
    [InlineData("0 6 1 2 3 4 5 6 7 8", "+31612345678", true)]
    [InlineData("0-6-1-2-3-4-5-6-7-8", "+31612345678", true)]
    [InlineData("٠٦١٢٣٤٥٦٧٨", "+31612345678", true)]
    // look-alike letters
    [InlineData("O6-12345678", "+31612345678", true)]
    [InlineData("o6 I2 34 56 78", "+31612345678", true)]
    [InlineData("06-l2345678", "+31612345678", true)]
    [InlineData("O6 1234 S678", "+31612345678", true)]
    // spelled out, alone and mixed with figures
    [InlineData("nul zes een twee drie vier vijf zes zeven acht", "+31612345678", true)]
    [InlineData("NUL ZES - een twee drie vier - vijf zes zeven acht", "+31612345678", true)]
    [InlineData("zero six one two three four five six seven eight", "+31612345678", true)]
    [InlineData("cero seis uno dos tres cuatro cinco seis siete ocho", "+31612345678", true)]
    [InlineData("zero seis um dois três quatro cinco seis sete oito", "+31612345678", true)]
    [InlineData("06 een twee 3 4 vijf 6 7 8", "+31612345678", true)]
    [InlineData("nul6 12345678", "+31612345678", true)]
    [InlineData("06 - 1two3 - 456 78", "+31612345678", true)]
    [InlineData("+57 3one05550148", "+573105550148", true)]
    [InlineData("06-1twee345678", "+31612345678", true)]
    [InlineData("Bel nul zes 12 34 56 78", "+31612345678", true)]
    // links
    [InlineData("tel:+31612345678", "+31612345678", false)]
    [InlineData("stuur een berichtje via wa.me/31612345678", "+31612345678", false)]
    [InlineData("https://api.whatsapp.com/send?phone=573001234567", "+573001234567", false)]
    // several numbers, deduplication
    [InlineData("06-12345678 of 06-87654321", "+31612345678,+31687654321", false)]
    [InlineData("06 12345678 / 06 87654321", "+31612345678,+31687654321", false)]
    [InlineData("06-12345678\n06-87654321", "+31612345678,+31687654321", false)]
    [InlineData("06-12345678 ... nogmaals: +31 6 12345678", "+31612345678", false)]
    [InlineData("+31612345678 +32470123456", "+31612345678,+32470123456", false)]
    public void Extract_FindsE164_ForEachStyle(string text, string expected, bool obfuscated)
    {
        var phones = _extractor.Extract(text);

        string.Join(",", phones.Select(p => p.E164)).ShouldBe(expected);
        if (phones.Count > 0)
        {
            phones[0].Obfuscated.ShouldBe(obfuscated);
        }
    }

    [Theory]
    // must not match: prices, hours, dates, postcodes, bank and company numbers, ids, measurements
    [InlineData("open 24uur, 7dagen per week, 3841AB")]
    [InlineData("maat 36two, lengte 165cm, 06hallo")]
    [InlineData("Open 09.00-17.30, za 10.00 - 16.00")]
    [InlineData("ma t/m vr 09.00 tot 23.00 uur")]
    [InlineData("Van 08:00-20:00 en 21.00-02.00")]
    [InlineData("30 min €80, 1 uur €150, nacht €1.200,-")]
    [InlineData("prijs 0,50 per minuut, 1 uur 150 euro, 2 uur 280 EUR")]
    [InlineData("Beschikbaar 01-05-2026 t/m 08-05-2026")]
    [InlineData("geplaatst op 2026-05-12 14.00 uur")]
    [InlineData("01/06/2026 - 07/06/2026")]
    [InlineData("Locatie: 3841 AB Harderwijk, 3851 SO Ermelo")]
    [InlineData("IBAN NL91 ABNA 0417 1643 00")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("KvK 01234567, BTW NL001234567B01")]
    [InlineData("Advertentie-id: 0612345678")]
    [InlineData("ref. 0201234567")]
    [InlineData("Maten 90-60-90, 1.72 m, 58 kg, cup 75C")]
    [InlineData("23 jaar, 168 cm, maat 36")]
    [InlineData("Ik ben een twee keer per week in de stad")]
    [InlineData("een twee drie vier")]
    [InlineData("0612345")]
    [InlineData("061234567890123")]
    [InlineData("612345678")]
    [InlineData("24/7 bereikbaar, 100% echt")]
    [InlineData("wa.me/123")]
    public void Extract_FindsNothing_ForTraps(string text)
    {
        _extractor.Extract(text).ShouldBeEmpty();
    }

    [Theory]
    // ambiguity: the nearest reading wins, and neighbours do not leak into the number
    [InlineData("Bel 06-12345678 €150 per uur", "+31612345678")]
    [InlineData("Open 09.00-17.30, bel 06 12345678", "+31612345678")]
    [InlineData("01-05-2026 14.00 uur bel 0612345678", "+31612345678")]
    [InlineData("3841 AB Harderwijk 06-12345678", "+31612345678")]
    [InlineData("Kamer 12, 0612345678", "+31612345678")]
    [InlineData("06-12345678 2 uur 250", "+31612345678")]
    [InlineData("0800 1234 gratis", "+318001234")]
    [InlineData("een 06 12345678", "+31612345678")]
    public void Extract_ReadsOnlyThePhone_WhenNeighboursAreNumbers(string text, string expected)
    {
        string.Join(",", _extractor.Extract(text).Select(p => p.E164)).ShouldBe(expected);
    }

    [Fact]
    public void Extract_KeepsRawTextAsWritten()
    {
        var phone = _extractor.Extract("Bel me: O6 - 12 34 56 78!").ShouldHaveSingleItem();

        phone.Raw.ShouldBe("O6 - 12 34 56 78");
        phone.Obfuscated.ShouldBeTrue();
    }

    [Fact]
    public void Extract_ReadsLinks_WhenNumberIsOnlyInHref()
    {
        var phones = _extractor.Extract("Bel of app me!", ["tel:0612345678", "https://wa.me/+34612345678?text=hoi", "https://example.test/x"]);

        phones.Select(p => p.E164).ShouldBe(["+31612345678", "+34612345678"]);
        phones[0].Raw.ShouldBe("tel:0612345678");
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(200_000)]
    public void Extract_DoesNotThrow_OnHostileInput(int length)
    {
        var random = new Random(length);
        var alphabet = "0123456789 +-.()/*_\n\u200B０𝟎OoIlS€:zes een nul#<>&\uD800\uDC00\u20E3\uFE0F";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        Should.NotThrow(() => _extractor.Extract(new string(chars)));
        Should.NotThrow(() => _extractor.Extract(new string('0', length)));
        Should.NotThrow(() => _extractor.Extract("\uD800" + new string('+', 10) + "\uDC00"));
    }

    [Theory]
    [InlineData("WhatsApp 🇨🇴 310 555 1234", "+573105551234")]
    [InlineData("🇨🇴 3105551234, solo mensajes", "+573105551234")]
    [InlineData("Llámame al 310-555-1234 🇨🇴", "+573105551234")]
    [InlineData("Mi número colombiano: 310 555 1234", "+573105551234")]
    [InlineData("numero venezolano 0412-5551234", "+584125551234")]
    [InlineData("Número español: 612 34 56 78", "+34612345678")]
    [InlineData("Număr românesc 0721 234 567", "+40721234567")]
    [InlineData("Colombian number 310 555 1234", "+573105551234")]
    [InlineData("mijn Colombiaanse nummer: 310 555 1234", "+573105551234")]
    [InlineData("zap Brasil (21) 98765-4321", "+5521987654321")]
    [InlineData("🇩🇴 (809) 555-0123", "+18095550123")]
    public void Extract_ReadsNationalForeignNumbers_InTheCountryTheAdNames(string text, string expected) =>
        _extractor.Extract(text).Select(p => p.E164).ShouldBe([expected]);

    [Theory]
    [InlineData("Soy colombiana, 25 años. Bel 06 12 34 56 78", "+31612345678")]
    [InlineData("Colombiaanse meid 🇨🇴 bel 0612345678", "+31612345678")]
    [InlineData("🇨🇴 +31 6 12345678", "+31612345678")]
    public void Extract_KeepsDutchAndExplicitNumbers_WhenACountryIsNamedOrFlagged(string text, string expected) =>
        _extractor.Extract(text).Select(p => p.E164).ShouldBe([expected]);

    [Theory]
    [InlineData("🇨🇴 150 euro, 1 uur")]
    [InlineData("número colombiano pronto")]
    [InlineData("Colombiaanse nieuwkomer, 25 jaar, 165 cm, 55 kg")]
    public void Extract_FindsNothing_WhenACountryCueHasNoNumber(string text) =>
        _extractor.Extract(text).ShouldBeEmpty();

    [Theory]
    [InlineData("Bel nul zes twaalf vierendertig zesenvijftig achtenzeventig", "+31612345678")]
    [InlineData("nul zes tweeëntwintig drieënveertig vijftig nul negen", "+31622435009")]
    [InlineData("Me liga: zero meia um dois três quatro cinco meia sete oito", "+31612345678")]
    [InlineData("mais cinco cinco 21 98765 4321", "+5521987654321")]
    [InlineData("Escríbeme: más 57 310 555 1234", "+573105551234")]
    [InlineData("call plus 31 6 1234 5678", "+31612345678")]
    [InlineData("oh six one two three four five six seven eight", "+31612345678")]
    [InlineData("zes, één, twee", null)]
    [InlineData("nul, zes, één, twee, drie, vier, vijf, zes, zeven, acht", "+31612345678")]
    [InlineData("zero-six-one-two-three-four-five-six-seven-eight", "+31612345678")]
    [InlineData("O6 12 34 OO 78", "+31612340078")]
    [InlineData("OO31 6 12 34 56 78", "+31612345678")]
    public void Extract_ReadsSpelledNumbers(string text, string? expected) =>
        _extractor.Extract(text).Select(p => p.E164).ShouldBe(expected is null ? [] : [expected]);

    [Theory]
    [InlineData("Open van twaalf uur tot vierentwintig uur")]
    [InlineData("plus 50 euro voor de nacht")]
    [InlineData("más 30 minutos por 80 euros")]
    [InlineData("Advertentiecode 83119766\n20 min 80 euro")]
    [InlineData("lol OO")]
    public void Extract_FindsNothing_InSpelledOrSplitFiguresThatAreNoPhone(string text) =>
        _extractor.Extract(text).ShouldBeEmpty();

    [Fact]
    public void Extract_JoinsANumberBrokenOverTwoLines_BeforeItIsComplete() =>
        _extractor.Extract("Bel 06 1234\n5678").Select(p => p.E164).ShouldBe(["+31612345678"]);

    [Fact]
    public void Extract_ListsANumberWrittenTwiceOnce() =>
        _extractor.Extract("Bel 06-12345678\nof app: 06 12 34 56 78").Select(p => p.E164).ShouldBe(["+31612345678"]);

    /// <summary>Writings in layouts and phrasings neither evaluation generator uses: labels after the cue, all caps, the cue
    /// before a bracketed country code, words in dashes, a Dutch and a foreign number in one sentence, cues without a number.</summary>
    [Theory]
    [InlineData("Mi WhatsApp venezolano es el 0414 555 1234", "+584145551234")]
    [InlineData("MEU NÚMERO DO BRASIL: (21) 9 8765-4321", "+5521987654321")]
    [InlineData("Numărul meu românesc este 0745 123 456", "+40745123456")]
    [InlineData("☎️ 🇨🇴 (+57) 310 555 1234", "+573105551234")]
    [InlineData("Contacto 🇪🇸 612.345.678 (solo WhatsApp)", "+34612345678")]
    [InlineData("Tel. Colombia: 3105551234 — llámame", "+573105551234")]
    [InlineData("whatsapp 📲 🇻🇪 04145551234", "+584145551234")]
    [InlineData("NUL ZES - TWAALF - VIERENDERTIG - ZESENVIJFTIG - ACHTENZEVENTIG", "+31612345678")]
    [InlineData("Bel: nul-zes-een-twee-drie-vier-vijf-zes-zeven-acht", "+31612345678")]
    [InlineData("seis uno dos tres cuatro cinco seis siete ocho, con el cero delante", "")]
    [InlineData("zero seis, um dois, três quatro, cinco meia, sete oito", "+31612345678")]
    [InlineData("06 twaalf 34 zesenvijftig 78", "+31612345678")]
    [InlineData("O6-I2-34-56-78", "+31612345678")]
    [InlineData("Zwolle 10-20 min, 150 euro, 0612345678", "+31612345678")]
    [InlineData("número de Colombia +57 310 555 1234 o mi número holandés 06 12 34 56 78", "+573105551234,+31612345678")]
    [InlineData("Precio: 150€ 🇨🇴 Colombiana 22 años", "")]
    [InlineData("KvK 12345678, BTW NL001234567B01", "")]
    public void Extract_ReadsNumbers_WrittenInLayoutsTheGeneratorsDoNotUse(string text, string expected) =>
        string.Join(",", _extractor.Extract(text).Select(p => p.E164)).ShouldBe(expected);

    /// <summary>A Dutch mobile without its trunk zero, or with 31 but neither plus nor 00, is read next to a phone word only.</summary>
    [Theory]
    [InlineData("Nieuw in Harderwijk! Bel me: 6 87654321 of app", "+31687654321")]
    [InlineData("whatsapp 31612345678", "+31612345678")]
    [InlineData("31612345678 sms only", "+31612345678")]
    [InlineData("Llámame al 31 6 1234 5678", "+31612345678")]
    [InlineData("me liga: 6-12345678", "+31612345678")]
    [InlineData("Call 6 12345678 or 0687654321", "+31612345678,+31687654321")]
    [InlineData("Sună-mă 6 12345678", "+31612345678")]
    [InlineData("zadzwoń 6 12345678", "+31612345678")]
    [InlineData("WA: 6-1234-5678", "+31612345678")]
    [InlineData("Mobile 6 1234 5678", "+31612345678")]
    [InlineData("tel/whatsapp 6.12.34.56.78", "+31612345678")]
    [InlineData("app: 31-6-12345678", "+31612345678")]
    [InlineData("kamer 6 12345678 x", "")]
    [InlineData("Call 612345678 or 0687654321", "+31687654321")]
    [InlineData("llámame 612 345 678", "")]
    [InlineData("whatsapp me 612 345 678 (Spanish number)", "")]
    [InlineData("Advertentiecode 612345678", "")]
    [InlineData("Ref. 31612345678, Harderwijk", "")]
    [InlineData("Bel me! Prijzen: 6 uur 600 euro, 12345678", "")]
    [InlineData("whatsapp 31201234567", "")]
    [InlineData("bel me\n612345678", "")]
    public void Extract_ReadsADutchMobileWithoutItsPrefix_OnlyNextToAPhoneWord(string text, string expected) =>
        string.Join(",", _extractor.Extract(text.Replace("\\n", "\n", StringComparison.Ordinal)).Select(p => p.E164)).ShouldBe(expected);

    /// <summary>The writers corpus's last misses: a price on the next line took the last spelled figure; a lone capital O is a zero.</summary>
    [Theory]
    [InlineData("zero - six - eight - one - zero - four - one - five - zero - one\n€ 180,- / 30 min", "+31681041501")]
    [InlineData("zero - meia - um - nove - um - dois - nove - nove - nove - cinco\n\n€ 150,- / 30 min", "+31619129995")]
    [InlineData("Telefoon O611 721 O8 O", "+31611721080")]
    [InlineData("O63 643 573 O", "+31636435730")]
    [InlineData("Bel 0612345678 o 0687654321", "+31612345678,+31687654321")]
    [InlineData("Prijs 150 €, bel 06 1234 5678", "+31612345678")]
    [InlineData("100 - 150€ per uur", "")]
    public void Extract_ReadsThePhone_WhenAPriceFollowsOnTheNextLine_OrAZeroIsACapitalO(string text, string expected) =>
        string.Join(",", _extractor.Extract(text.Replace("\\n", "\n", StringComparison.Ordinal)).Select(p => p.E164)).ShouldBe(expected);
}
