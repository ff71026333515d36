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
}
