using AdWatch.Extraction;

namespace AdWatch.Tests.Extraction;

public sealed class IndicatorLexiconTests
{
    private static readonly IndicatorLexicon Lexicon = IndicatorLexiconLoader.Load(RepoFiles.Path("config", "indicators.yaml"));

    [Theory]
    // NIJ predictors
    [InlineData("Mooie Colombiaanse dame", "ethnicity-named", "Colombiaanse dame")]
    [InlineData("Hot latina girl in town", "ethnicity-named", "latina girl")]
    [InlineData("Soy venezolana, cariñosa", "ethnicity-named", "venezolana")]
    [InlineData("Brasileira carinhosa", "ethnicity-named", "Brasileira")]
    [InlineData("Jonge meid, net 18", "youth-language", "Jonge meid")]
    [InlineData("barely legal and sweet", "youth-language", "barely legal")]
    [InlineData("jovencita cariñosa", "youth-language", "jovencita")]
    [InlineData("novinha safada", "youth-language", "novinha")]
    [InlineData("100% echt, geen nep", "trustworthy-provider", "100% echt")]
    [InlineData("Real photos only", "trustworthy-provider", "Real photos")]
    [InlineData("fotos reales", "trustworthy-provider", "fotos reales")]
    [InlineData("fotos reais", "trustworthy-provider", "fotos reais")]
    [InlineData("mijn nummer staat in de foto", "obscured-phone", "nummer staat in de foto")]
    // Dutch practitioner signals
    [InlineData("24/7 bereikbaar", "always-available", "24/7")]
    [InlineData("Dag en nacht beschikbaar", "always-available", "Dag en nacht")]
    [InlineData("ook zonder condoom", "unprotected-services", "zonder condoom")]
    [InlineData("sin condón", "unprotected-services", "sin condón")]
    [InlineData("Nieuw in Harderwijk!", "new-in-town", "Nieuw in Harderwijk")]
    [InlineData("Nueva en Ermelo", "new-in-town", "Nueva en Ermelo")]
    [InlineData("Alleen deze week in Putten", "this-week-only", "Alleen deze week")]
    [InlineData("only this week", "this-week-only", "only this week")]
    [InlineData("Just arrived, only here until Sunday", "this-week-only", "only here until Sunday")]
    [InlineData("ik ben er tot vrijdag, daarna vertrek ik", "this-week-only", "ben er tot vrijdag")]
    [InlineData("Estoy hasta el domingo en Putten", "this-week-only", "Estoy hasta el domingo")]
    [InlineData("Só até sábado!", "this-week-only", "Só até sábado")]
    [InlineData("Nog maar 3 dagen in Ermelo", "this-week-only", "Nog maar 3 dagen")]
    // practitioner signals: no local language, someone else answers
    [InlineData("Jonge meid, spreekt geen Nederlands", "no-local-language", "spreekt geen Nederlands")]
    [InlineData("Hablo solo español, no english", "no-local-language", "Hablo solo español")]
    [InlineData("Sweet girl, no English, only Spanish", "no-local-language", "no English")]
    [InlineData("Falo só português", "no-local-language", "Falo só português")]
    [InlineData("only incall, my manager answers the phone", "third-party-contact", "my manager answers")]
    [InlineData("Afspraken via mijn manager", "third-party-contact", "Afspraken via mijn manager")]
    [InlineData("Mi representante contesta los mensajes", "third-party-contact", "Mi representante contesta")]
    [InlineData("Minha secretária atende", "third-party-contact", "Minha secretária atende")]
    // turnover, not risk
    [InlineData("Op doorreis, volgende week in Zwolle", "movement", "Op doorreis")]
    [InlineData("On tour in Europe", "movement", "On tour")]
    [InlineData("estoy de paso", "movement", "de paso")]
    public void Match_FindsIndicatorWithEvidence(string text, string code, string evidence)
    {
        var hit = Lexicon.Match(text, []).FirstOrDefault(h => h.Code == code);

        hit.ShouldNotBeNull();
        hit.Evidence.ShouldBe(evidence);
    }

    [Theory]
    // must not match: words inside longer words, unrelated numbers
    [InlineData("Ik vernieuw in de keuken", "new-in-town")]
    [InlineData("jongleren is mijn hobby", "youth-language")]
    [InlineData("124/75 bloeddruk", "always-available")]
    [InlineData("detour via Putten", "movement")]
    [InlineData("Echte Hollandse", "trustworthy-provider")]
    [InlineData("Ik spreek Nederlands, Engels en Spaans", "no-local-language")]
    [InlineData("I speak English and Spanish", "no-local-language")]
    [InlineData("Hablo español e inglés", "no-local-language")]
    [InlineData("Bel mij zelf, geen manager, geen bureau", "third-party-contact")]
    [InlineData("I answer my phone myself", "third-party-contact")]
    [InlineData("open until Sunday night at the club", "this-week-only")]
    public void Match_DoesNotFire_InsideOtherWordsOrOrdinaryPhrases(string text, string code)
    {
        Lexicon.Match(text, []).ShouldNotContain(h => h.Code == code);
    }

    [Fact]
    public void Match_FiresObscuredPhone_WhenPhoneWasObfuscated()
    {
        var hits = Lexicon.Match("Bel me", [new ExtractedPhone("+31612345678", "nul zes 12345678", true)]);

        hits.ShouldContain(new IndicatorHit("obscured-phone", "nul zes 12345678"));
        Lexicon.Match("Bel me", [new ExtractedPhone("+31612345678", "06-12345678", false)]).ShouldBeEmpty();
    }

    [Fact]
    public void Match_GivesTheSameHits_InterpretedAndCompiled()
    {
        // A one-ad run matches with interpreted patterns (no emit and JIT at start); a stream switches to compiled ones.
        string[] texts =
        [
            "Mooie Colombiaanse dame, 24/7 bereikbaar, Nieuw in Harderwijk!", "jovencita cariñosa, sin condón", "Real photos only, On tour",
            "Ik vernieuw in de keuken", "Alleen deze week in Putten, fotos reais", "detour via Putten, 124/75 bloeddruk",
        ];
        var lexicon = IndicatorLexiconLoader.Load(RepoFiles.Path("config", "indicators.yaml"));
        lexicon.IsCompiled.ShouldBeFalse();
        var interpreted = texts.Select(t => lexicon.Match(t, [])).ToList();

        lexicon.Compile();

        lexicon.IsCompiled.ShouldBeTrue();
        texts.Select(t => lexicon.Match(t, [])).ToList().ShouldBe(interpreted);
        interpreted.Sum(h => h.Count).ShouldBeGreaterThan(8);
    }
}
