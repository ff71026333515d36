using AdWatch.Review;
using AdWatch.Tests.Analysis;

namespace AdWatch.Tests.Review;

/// <summary>config/referrals.yaml: the shipped file, merging a municipality's overrides, and one clear line for every kind of error.</summary>
public sealed class ReferralsLoaderTests
{
    private const string Texts = """
            text:
              nl: Tekst
              en: Text
              es: Texto
              pt: Texto
        """;

    private static readonly string Valid = $"""
        contacts:
          national:
            name: Landelijk meldpunt
            phone: 0800-0000
        {Texts}
          coordinator:
            example: true
            name: Zorgcoördinator regio
            email: zorg@regio.example
        {Texts}
        municipalities:
          GM0243:
            coordinator:
              name: Zorgcoördinator Harderwijk
              phone: 0000-000000
              text:
                es: Texto de Harderwijk
        """;

    private static Referrals Parse(string yaml) => ReferralsLoader.Parse(new StringReader(yaml), "referrals.yaml");

    [Fact]
    public void Load_ReadsTheShippedFile_WithTheNationalLinesAndAnExampleCoordinatorPerMunicipality()
    {
        var referrals = ReferralsLoader.Load(Path.Combine(AnalysisOptionsLoaderTests.RepoRoot(), "config", "referrals.yaml"));

        referrals.MunicipalityCodes.Order().ShouldBe(["GM0233", "GM0243", "GM0273"]);
        foreach (var code in referrals.MunicipalityCodes)
        {
            var set = referrals.For(code);
            set.Contacts.Select(c => c.Key).ShouldBe(["meldMisdaadAnoniem", "comensha", "coordinator"]);
            set.Contacts[0].Phone.ShouldBe("0800-7000");
            set.Contacts[1].Phone.ShouldBe("033 448 11 86");
            set.Contacts[1].Email.ShouldBe("info@comensha.nl");
            // The local coordinators are placeholders: marked, and their addresses are on the reserved .example domain.
            set.Contacts[2].Example.ShouldBeTrue();
            set.Contacts[2].Email.ShouldNotBeNull().ShouldEndWith(".example");
            foreach (var contact in set.Contacts)
            {
                ReferralLanguages.All.ShouldAllBe(l => !string.IsNullOrWhiteSpace(contact.Text(l)));
            }
        }
        referrals.For("GM0243").Contacts[2].Name.ShouldContain("Harderwijk");
        referrals.For("GM0233").Contacts[2].Name.ShouldContain("Ermelo");
        referrals.For("GM0273").Contacts[2].Name.ShouldContain("Putten");
    }

    [Fact]
    public void Parse_MergesAMunicipalitysFieldsOverTheRegionsDefaults()
    {
        var referrals = Parse(Valid);

        var harderwijk = referrals.For("GM0243").Contacts.Single(c => c.Key == "coordinator");
        (harderwijk.Name, harderwijk.Phone, harderwijk.Email, harderwijk.Example).ShouldBe(("Zorgcoördinator Harderwijk", "0000-000000", "zorg@regio.example", true));
        harderwijk.Text("es").ShouldBe("Texto de Harderwijk");
        harderwijk.Text("nl").ShouldBe("Tekst");
        referrals.For("GM0243").Contacts.Single(c => c.Key == "national").Phone.ShouldBe("0800-0000");
    }

    [Fact]
    public void For_GivesTheRegionsDefaults_ForAMunicipalityWithoutOverridesOrNone()
    {
        var referrals = Parse(Valid);

        referrals.For("GM0233").Contacts.Single(c => c.Key == "coordinator").Name.ShouldBe("Zorgcoördinator regio");
        referrals.For("GM0233").MunicipalityCode.ShouldBe("GM0233");
        referrals.For(null).Contacts.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("contacts:\n  x: [\n", "referrals.yaml:3: not valid YAML")]
    [InlineData("- a\n- b\n", "referrals.yaml:1: expected a mapping with 'contacts' and 'municipalities'")]
    [InlineData("municipalities: {}\n", "referrals.yaml:1: contacts: required")]
    [InlineData("contacts:\n  x: {}\nregion: Veluwe\n", "referrals.yaml:3: region: unknown setting")]
    [InlineData("contacts:\n  bad-key:\n    name: X\n", "referrals.yaml:2: contacts.bad-key: a contact key is a word")]
    [InlineData("contacts:\n  x:\n    phone: 0800-0000\n", "referrals.yaml:3: contacts.x.name: required")]
    [InlineData("contacts:\n  x:\n    name: X\n    phone: 0800-0000\n", "referrals.yaml:3: contacts.x.text: required")]
    [InlineData("contacts:\n  x:\n    name: X\n    phone: 0800-0000\n    text:\n      nl: a\n      en: b\n      es: c\n", "referrals.yaml:6: contacts.x.text.pt: required")]
    [InlineData("contacts:\n  x:\n    name: X\n    text:\n      fr: a\n", "referrals.yaml:5: contacts.x.text.fr: unknown language")]
    [InlineData("contacts:\n  x:\n    name: X\n    fax: 0341\n", "referrals.yaml:4: contacts.x.fax: unknown field; expected one of name, phone, email, url, hours, example, text")]
    [InlineData("contacts:\n  x:\n    name: X\n    phone: call us\n", "referrals.yaml:4: contacts.x.phone: expected a phone number")]
    [InlineData("contacts:\n  x:\n    name: X\n    email: zorg.regio.example\n", "referrals.yaml:4: contacts.x.email: expected an e-mail address")]
    [InlineData("contacts:\n  x:\n    name: X\n    url: javascript:alert(1)\n", "referrals.yaml:4: contacts.x.url: expected an absolute http(s) URL")]
    [InlineData("contacts:\n  x:\n    name: X\n    example: yes please\n", "referrals.yaml:4: contacts.x.example: expected true or false")]
    [InlineData("contacts:\n  x:\n    name: ''\n", "referrals.yaml:3: contacts.x.name: expected a non-empty text")]
    [InlineData("contacts:\n  x:\n    name: X\n    hours:\n      nl: 9-17\n    text: {nl: a, en: b, es: c, pt: d}\n    phone: '112'\n", "referrals.yaml:5: contacts.x.hours.en: required when hours are given")]
    [InlineData("contacts:\n  x:\n    name: X\n    text: {nl: a, en: b, es: c, pt: d}\n", "referrals.yaml:3: contacts.x: needs at least one of phone, email or url")]
    public void Parse_RejectsAnInvalidContact_NamingFileLineAndField(string yaml, string expected)
    {
        var e = Should.Throw<ReferralsConfigException>(() => Parse(yaml));

        e.Message.ShouldStartWith(expected);
        e.Message.ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("GM0243:", "Harderwijk:", "referrals.yaml:20: municipalities.Harderwijk: expected a CBS municipality code")]
    [InlineData("    coordinator:\n      name: Zorgcoördinator Harderwijk", "    care:\n      name: Zorgcoördinator Harderwijk", "referrals.yaml:21: municipalities.GM0243.care: unknown contact; expected one of national, coordinator")]
    [InlineData("phone: 0000-000000", "phone: nul nul", "referrals.yaml:23: municipalities.GM0243.coordinator.phone: expected a phone number")]
    [InlineData("es: Texto de Harderwijk", "de: Text aus Harderwijk", "referrals.yaml:25: municipalities.GM0243.coordinator.text.de: unknown language")]
    [InlineData("  GM0243:\n    coordinator:", "  GM0243: Harderwijk\n  GM0233:\n    coordinator:", "referrals.yaml:20: municipalities.GM0243: expected a mapping of contact key")]
    public void Parse_RejectsAnInvalidMunicipality_NamingFileLineAndField(string replace, string with, string expected)
    {
        var yaml = Valid.Replace(replace, with, StringComparison.Ordinal);
        yaml.ShouldNotBe(Valid);

        Should.Throw<ReferralsConfigException>(() => Parse(yaml)).Message.ShouldStartWith(expected);
    }

    [Fact]
    public void Parse_RejectsAMunicipalityGivenTwice()
    {
        var yaml = Valid + "\n  gm0243:\n    coordinator:\n      name: Nogmaals\n";

        Should.Throw<ReferralsConfigException>(() => Parse(yaml)).Message.ShouldStartWith("referrals.yaml:26: municipalities.gm0243: given twice");
    }

    [Fact]
    public void Load_RefusesAMissingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "adwatch-no-such-referrals.yaml");

        Should.Throw<ReferralsConfigException>(() => ReferralsLoader.Load(path)).Message.ShouldBe($"{path}: not found; it ships as config/referrals.yaml next to adwatch.");
    }
}
