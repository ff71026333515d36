using AdWatch.Analysis;
using AdWatch.Extraction;

namespace AdWatch.Tests.Analysis;

public sealed class AdvertiserNameExtractorTests
{
    [Theory]
    // Dutch
    [InlineData(null, "Hoi, ik ben Luna en ik ben nieuw hier.", "Luna")]
    [InlineData(null, "Ik heet Mila, bel me!", "Mila")]
    [InlineData(null, "Mijn naam is Anna-Lena.", "Anna-Lena")]
    [InlineData(null, "IK BEN Yara", "Yara")]
    // Spanish, Portuguese, English
    [InlineData(null, "Hola amor, soy Valentina, colombiana.", "Valentina")]
    [InlineData(null, "Me llamo Camila", "Camila")]
    [InlineData(null, "Olá, eu sou Ana, brasileira", "Ana")]
    [InlineData(null, "Meu nome é Júlia", "Júlia")]
    [InlineData(null, "Hi, I'm Bella from Madrid", "Bella")]
    [InlineData(null, "Hi, I’m Zoë", "Zoë")]
    [InlineData(null, "My name is Nina.", "Nina")]
    // Titles
    [InlineData("Luna – nieuw in Harderwijk", null, "Luna")]
    [InlineData("Bella | Ermelo", "", "Bella")]
    [InlineData("Sofia - 23 jaar", null, "Sofia")]
    [InlineData("Eva: alleen deze week", null, "Eva")]
    // The body wins over the title
    [InlineData("Luna – nieuw", "Soy Valentina", "Valentina")]
    // Skips a word that is not a name and finds the next introduction
    [InlineData(null, "Ik ben nieuw in de stad. Ik ben Lara.", "Lara")]
    public void Extract_FindsName(string? title, string? body, string expected) =>
        AdvertiserNameExtractor.Extract(title, body).ShouldBe(expected);

    [Theory]
    // must not match: words that follow an introduction but are not names
    [InlineData(null, "Ik ben nieuw in Harderwijk")]
    [InlineData(null, "ik ben 23 jaar")]
    [InlineData(null, "Soy nueva aqui")]
    [InlineData(null, "I'm new here, I am available")]
    [InlineData(null, "Eu sou Brasileira")]
    [InlineData(null, "ik ben luna")] // lower case: not recognisable as a name
    [InlineData(null, "Sexy! Nieuw! Bel nu")]
    [InlineData("Nieuw – Harderwijk", null)]
    [InlineData("Hot | Ermelo", null)]
    [InlineData("Nieuw in Harderwijk", null)]
    [InlineData("LUNA – nieuw", null)]
    [InlineData("", "")]
    [InlineData(null, null)]
    // must not match: "soy" inside another word
    [InlineData(null, "Bijsoy Maria")]
    public void Extract_ReturnsNull_WhenNoName(string? title, string? body) =>
        AdvertiserNameExtractor.Extract(title, body).ShouldBeNull();

    [Fact]
    public void Extract_SurvivesHostileText()
    {
        var huge = string.Concat(Enumerable.Repeat("ik ben ", 200_000)) + "\u0000\uFFFF\uD800";
        AdvertiserNameExtractor.Extract(huge, huge).ShouldBeNull();
    }

    [Theory]
    // The site's name before or after hers: cut, and what is left of the title is her name.
    [InlineData("Kontaktbord – Sofia", null, "Sofia")]
    [InlineData("Sofia | Kontaktbord", null, "Sofia")]
    [InlineData("KONTAKTBORD: Sofia", null, "Sofia")]
    // Several fixed parts, the longer one first.
    [InlineData("Escort Harderwijk | Sofia | Kontaktbord", null, "Sofia")]
    [InlineData("Kontaktbord – Sofia – nieuw in Harderwijk", null, "Sofia")]
    // An introduction in the body still wins.
    [InlineData("Kontaktbord – Sofia", "Hoi, ik ben Luna", "Luna")]
    // Nothing but the site's wording, or a word of it, is no name.
    [InlineData("Kontaktbord – nieuw in Harderwijk", null, null)]
    [InlineData("Kontaktbord", null, null)]
    [InlineData(null, "Welkom, ik ben Kontaktbord, de site voor jou", null)]
    [InlineData("Escort – Harderwijk", null, null)]
    public void Extract_NeverReadsTheSitesTitleWordingAsAName(string? title, string? body, string? expected) =>
        AdvertiserNameExtractor.Extract(title, body, ["Kontaktbord", "Escort Harderwijk"]).ShouldBe(expected);

    [Fact]
    public void Extract_ReadsTheSiteNameAsTheName_WhenTheSiteDeclaresNoWording()
    {
        // Why sites declare titleBoilerplate: without it the title pattern takes the site's name.
        AdvertiserNameExtractor.Extract("Kontaktbord – Sofia", null).ShouldBe("Kontaktbord");
        AdvertiserNameExtractor.Extract("Kontaktbord – Sofia", null, []).ShouldBe("Kontaktbord");
    }

    [Fact]
    public void Fingerprint_CutsTheSitesWording_SoItMakesNoTwoAdsAlike()
    {
        var body = "Lieve dame, discreet adres, bel voor een afspraak, ook in het weekend, tot laat in de avond.";
        var declared = TextFingerprinter.Fingerprint("Kontaktbord – Sofia", body, [], ["Kontaktbord"]);
        var plain = TextFingerprinter.Fingerprint("Sofia –", body, []);

        declared.Name.ShouldBe("Sofia");
        plain.Name.ShouldBe("Sofia");
        declared.Hash.ShouldBe(plain.Hash);
        TextFingerprinter.Fingerprint("Kontaktbord – Sofia", body, []).Hash.ShouldNotBe(plain.Hash);
    }
}
