using AdWatch.Extraction;

namespace AdWatch.Tests.Extraction;

public sealed class IndicatorLexiconLoaderTests
{
    private const string Valid = """
        indicators:
          - code: new-in-town
            kind: risk
            weight: 0.3
            source: test
            patterns:
              nl: ['nieuw in \p{L}+']
          - code: obscured-phone
            kind: risk
            weight: 0.6
            source: test
            builtin: obfuscated-phone
        """;

    [Fact]
    public void EveryCheckedInIndicator_HasAName_ForTheReasonsInDutchAndEnglish()
    {
        var lexicon = IndicatorLexiconLoader.Load(RepoFiles.Path("config", "indicators.yaml"));

        lexicon.Definitions.Select(d => d.Code).ShouldBeSubsetOf(AdWatch.Analysis.ReasonTexts.IndicatorNames.Keys);
    }

    [Fact]
    public void Load_ReadsCheckedInLexicon_WithRequiredIndicators()
    {
        var lexicon = IndicatorLexiconLoader.Load(RepoFiles.Path("config", "indicators.yaml"));

        var codes = lexicon.Definitions.Select(d => d.Code).ToList();
        codes.ShouldBeSubsetOf(codes.Distinct());
        new[] { "obscured-phone", "ethnicity-named", "youth-language", "trustworthy-provider", "always-available",
            "unprotected-services", "new-in-town", "this-week-only", "movement" }.ShouldBeSubsetOf(codes);
        lexicon.Definitions.Single(d => d.Code == "movement").Kind.ShouldBe(IndicatorKind.Turnover);
        lexicon.Definitions.Where(d => d.Code != "movement").ShouldAllBe(d => d.Kind == IndicatorKind.Risk);
        lexicon.Definitions.Where(d => d.Builtin == null)
            .ShouldAllBe(d => d.Patterns.ContainsKey("nl") && d.Patterns.ContainsKey("en") && d.Patterns.ContainsKey("es") && d.Patterns.ContainsKey("pt"));
    }

    [Fact]
    public void Parse_ReadsEntries_WhenValid()
    {
        var lexicon = IndicatorLexiconLoader.Parse(Valid, "t.yaml");

        lexicon.Definitions.Count.ShouldBe(2);
        lexicon.Definitions[0].Weight.ShouldBe(0.3);
        lexicon.Definitions[1].Builtin.ShouldBe("obfuscated-phone");
    }

    [Theory]
    // every error names file, line and field
    [InlineData("indicators: [", 2, "(syntax)")]
    [InlineData("other: 1", 1, "indicators")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 2\n    source: s\n    patterns: {nl: [a]}", 4, "indicators[0].weight")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: zwaar\n    source: s\n    patterns: {nl: [a]}", 4, "indicators[0].weight")]
    [InlineData("indicators:\n  - code: x\n    kind: danger\n    weight: 1\n    source: s\n    patterns: {nl: [a]}", 3, "indicators[0].kind")]
    [InlineData("indicators:\n  - code: Bad Code\n    kind: risk\n    weight: 1\n    source: s\n    patterns: {nl: [a]}", 2, "indicators[0].code")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 1\n    patterns: {nl: [a]}", 2, "indicators[0].source")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 1\n    source: s", 2, "indicators[0].patterns")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 1\n    source: s\n    patterns:\n      de: [a]", 7, "indicators[0].patterns.de")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 1\n    source: s\n    patterns:\n      nl:\n        - ok\n        - '(unclosed'", 9, "indicators[0].patterns.nl[1]")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 1\n    source: s\n    builtin: magic", 6, "indicators[0].builtin")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 1\n    source: s\n    wieght: 1\n    patterns: {nl: [a]}", 6, "indicators[0].wieght")]
    [InlineData("indicators:\n  - code: x\n    kind: risk\n    weight: 1\n    source: s\n    patterns: {nl: [a]}\n  - code: x\n    kind: risk\n    weight: 1\n    source: s\n    patterns: {nl: [b]}", 7, "indicators[1].code")]
    public void Parse_NamesFileLineAndField_WhenInvalid(string yaml, int line, string field)
    {
        var error = Should.Throw<IndicatorLexiconException>(() => IndicatorLexiconLoader.Parse(yaml, "config/indicators.yaml"));

        error.File.ShouldBe("config/indicators.yaml");
        error.Line.ShouldBe(line);
        error.Field.ShouldBe(field);
        error.Message.ShouldStartWith($"config/indicators.yaml:{line}: {field}: ");
    }

    [Fact]
    public void Load_NamesFile_WhenMissing()
    {
        var error = Should.Throw<IndicatorLexiconException>(() => IndicatorLexiconLoader.Load("/nonexistent/indicators.yaml"));

        error.File.ShouldBe("/nonexistent/indicators.yaml");
    }
}
