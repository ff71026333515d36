using AdWatch.Exports;
using AdWatch.Exports.Zgw;

namespace AdWatch.Tests.Exports;

public sealed class ZgwBodiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 21, 59, 0, TimeSpan.Zero);
    private static readonly ZgwOptions Options = new() { Bronorganisatie = "123456782", Zaaktype = "https://c.test/zt/1", Informatieobjecttype = "https://c.test/iot/1" };

    [Theory]
    // plain, letters, additions
    [InlineData("14", 14, null, null)]
    [InlineData("14a", 14, "A", null)]
    [InlineData("14 A", 14, "A", null)]
    [InlineData("14-2", 14, null, "2")]
    [InlineData("14A-bis", 14, "A", "bis")]
    [InlineData("14 hs", 14, null, "hs")]
    [InlineData("99999", 99999, null, null)]
    // must not match: the number becomes 0 and nothing else is sent
    [InlineData("", 0, null, null)]
    [InlineData("123456", 0, null, null)]
    [InlineData("veertien", 0, null, null)]
    [InlineData("14 toevoeging-te-lang", 0, null, null)]
    [InlineData("<script>", 0, null, null)]
    public void ZaakObject_SplitsTheHouseNumber(string number, int huisnummer, string? letter, string? toevoeging)
    {
        var address = ZgwBodies.ZaakObject(Lead() with { HouseNumber = number }, "https://z.test/zaken/1")["objectIdentificatie"]!;

        address["huisnummer"]!.GetValue<int>().ShouldBe(huisnummer);
        address["huisletter"]?.GetValue<string>().ShouldBe(letter);
        (address["huisletter"] is null).ShouldBe(letter is null);
        address["huisnummertoevoeging"]?.GetValue<string>().ShouldBe(toevoeging);
        (address["huisnummertoevoeging"] is null).ShouldBe(toevoeging is null);
    }

    [Fact]
    public void ZaakObject_IdentifiesTheAddressByItsBagNummeraanduiding_WhenKnown()
    {
        var body = ZgwBodies.ZaakObject(Lead() with { NummeraanduidingId = "0243200000012345", AdresseerbaarObjectId = "0243010000012345" }, "https://z.test/zaken/1");

        body["objectType"]!.GetValue<string>().ShouldBe("adres");
        body["objectIdentificatie"]!["identificatie"]!.GetValue<string>().ShouldBe("0243200000012345");
        body["objectIdentificatie"]!["huisnummer"]!.GetValue<int>().ShouldBe(14);
    }

    [Fact]
    public void ZaakObject_IdentifiesTheAddressByTheAdWatchLocation_WithoutBagId() =>
        ZgwBodies.ZaakObject(Lead(), "https://z.test/zaken/1")["objectIdentificatie"]!["identificatie"]!.GetValue<string>().ShouldBe("adwatch-locatie-7");

    [Fact]
    public void ZaakObject_SendsNoBagId_ForAnUnresolvedLead()
    {
        var lead = Lead() with { Precision = "unresolved", NummeraanduidingId = "0243200000012345" };

        ZgwBodies.ZaakObject(lead, "https://z.test/zaken/1")["objectIdentificatie"]!["identificatie"]!.GetValue<string>().ShouldBe("adwatch-locatie-7");
    }

    [Fact]
    public void Zaak_CutsTheDescriptionTo80Characters_WithoutSplittingASurrogatePair()
    {
        var label = new string('a', 61) + "😀" + new string('b', 40);

        var omschrijving = ZgwBodies.Zaak(Options, Lead() with { Label = label }, Now)["omschrijving"]!.GetValue<string>();

        omschrijving.Length.ShouldBeLessThanOrEqualTo(80);
        omschrijving.ShouldEndWith("…");
        char.IsHighSurrogate(omschrijving[^2]).ShouldBeFalse();
    }

    [Fact]
    public void Zaak_HasAStableIdentificatie_AndTheLeadAsKenmerk()
    {
        var zaak = ZgwBodies.Zaak(Options, Lead(), Now);

        zaak["identificatie"]!.GetValue<string>().ShouldBe("ADWATCH-42");
        ZgwBodies.Zaak(Options, Lead(), Now.AddDays(3))["identificatie"]!.GetValue<string>().ShouldBe("ADWATCH-42");
        zaak["kenmerken"]!.ToJsonString().ShouldBe("""[{"kenmerk":"lead-42","bron":"ADWATCH"}]""");
        zaak["verantwoordelijkeOrganisatie"]!.GetValue<string>().ShouldBe("123456782");
        zaak["startdatum"]!.GetValue<string>().ShouldBe("2026-07-01"); // 21:59 UTC = 23:59 in Amsterdam (summer time)
    }

    [Fact]
    public void Zaak_LeavesOutTheGeometry_WhenTheLeadHasNoPoint() =>
        ZgwBodies.Zaak(Options, Lead() with { Lat = null }, Now).ContainsKey("zaakgeometrie").ShouldBeFalse();

    [Fact]
    public void Document_CarriesThePdfAsBase64_WithAnIdentificatiePerExport()
    {
        var pdf = "%PDF-1.4 x"u8.ToArray();

        var document = ZgwBodies.Document(Options, new ExportsOptions(), Lead(), 7, pdf, Now);

        Convert.FromBase64String(document["inhoud"]!.GetValue<string>()).ShouldBe(pdf);
        document["bestandsomvang"]!.GetValue<long>().ShouldBe(pdf.Length);
        document["identificatie"]!.GetValue<string>().ShouldBe("ADWATCH-42-dossier-7");
        document["bestandsnaam"]!.GetValue<string>().ShouldBe("adwatch-dossier-42.pdf");
        document["formaat"]!.GetValue<string>().ShouldBe("application/pdf");
        document["taal"]!.GetValue<string>().ShouldBe("dut");
        document["auteur"]!.GetValue<string>().ShouldBe("AdWatch (geautomatiseerd)");
        document["creatiedatum"]!.GetValue<string>().ShouldBe("2026-07-01");
    }

    private static Lead Lead() => new()
    {
        LeadId = "lead-42", FlagId = 42, LocationId = 7, Status = "new", Score = 0.5, Label = "Stationslaan 14, Harderwijk", Precision = "address",
        Street = "Stationslaan", HouseNumber = "14", Postcode = "3841AB", Place = "Harderwijk", Lat = 52.3, Lon = 5.6,
    };
}
