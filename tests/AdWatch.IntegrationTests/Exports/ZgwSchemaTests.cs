using System.Text.Json.Nodes;
using AdWatch.Exports;
using AdWatch.Exports.Zgw;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>Every body AdWatch sends to ZGW validates against the official OpenAPI schemas (Zaken 1.5.1, Documenten 1.5.0).</summary>
public sealed class ZgwSchemaTests
{
    private static readonly ZgwOptions Options = new()
    {
        ZakenApiUrl = "https://zaken.gemeente.test/zaken/api/v1/",
        DocumentenApiUrl = "https://zaken.gemeente.test/documenten/api/v1/",
        ClientId = "adwatch",
        Secret = "s",
        Bronorganisatie = "123456782",
        Zaaktype = "https://zaken.gemeente.test/catalogi/api/v1/zaaktypen/0b7ae3a0-0000-4000-8000-000000000001",
        Informatieobjecttype = "https://zaken.gemeente.test/catalogi/api/v1/informatieobjecttypen/9d1f0000-0000-4000-8000-000000000003",
    };

    private const string ZaakUrl = "https://zaken.gemeente.test/zaken/api/v1/zaken/5c1a6f2e-0000-4000-8000-000000000002";
    private const string DocumentUrl = "https://zaken.gemeente.test/documenten/api/v1/enkelvoudiginformatieobjecten/77aa0000-0000-4000-8000-000000000004";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Leads() => ["full", "bag", "street-only", "no-coordinates", "long-hostile"];

    private static Lead LeadOf(string kind) => kind switch
    {
        "full" => Lead(),
        "bag" => Lead() with { NummeraanduidingId = "0243200000012345", AdresseerbaarObjectId = "0243010000012345", Gebruiksdoel = "woonfunctie" },
        "street-only" => Lead() with { Precision = "street", HouseNumber = null, Postcode = null },
        "no-coordinates" => Lead() with { Lat = null, Lon = null, Place = null },
        "long-hostile" => Lead() with
        {
            Label = "<script>alert(1)</script> " + new string('ë', 300) + " \"quoted\" 😀😀😀", Street = new string('x', 200),
            HouseNumber = "123456789 toevoeging-lang", Postcode = "3841 AB extra",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Leads))]
    public void ZaakBody_IsValidZaak(string kind) =>
        ZgwSchemas.Zaken.Validate("Zaak", ZgwBodies.Zaak(Options, LeadOf(kind), Now)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Leads))]
    public void ZaakObjectBody_IsValidAdresZaakObject(string kind) =>
        ZgwSchemas.Zaken.Validate("adres_ZaakObject", ZgwBodies.ZaakObject(LeadOf(kind), ZaakUrl)).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Leads))]
    public void DocumentBody_IsValidEnkelvoudigInformatieObject(string kind) =>
        ZgwSchemas.Documenten.Validate("EnkelvoudigInformatieObjectCreateLockRequest",
            ZgwBodies.Document(Options, new ExportsOptions(), LeadOf(kind), 123456, "%PDF-1.4 test"u8.ToArray(), Now)).ShouldBeEmpty();

    [Fact]
    public void LinkBody_IsValidZaakInformatieObject() =>
        ZgwSchemas.Zaken.Validate("ZaakInformatieObject", ZgwBodies.ZaakInformatieObject(ZaakUrl, DocumentUrl)).ShouldBeEmpty();

    [Fact]
    public void ZaakBody_UsesTheDutchDate_AndWgs84LonLat()
    {
        var zaak = ZgwBodies.Zaak(Options, Lead(), Now);

        zaak["startdatum"]!.GetValue<string>().ShouldBe("2026-03-02"); // 23:30 UTC is past midnight in Amsterdam
        zaak["zaakgeometrie"]!.ToJsonString().ShouldBe("""{"type":"Point","coordinates":[5.622,52.349]}""");
    }

    // The examples shipped with the specs validate too, so the schema conversion accepts what the spec's authors wrote.
    [Theory]
    [InlineData("zaak.json", "zaken", "Zaak")]
    [InlineData("zaakobject.json", "zaken", "adres_ZaakObject")]
    [InlineData("zio.json", "zaken", "ZaakInformatieObject")]
    [InlineData("eio.json", "documenten", "EnkelvoudigInformatieObjectCreateLockRequest")]
    public void ShippedExample_IsValid(string file, string api, string schema) =>
        (api == "zaken" ? ZgwSchemas.Zaken : ZgwSchemas.Documenten)
            .Validate(schema, JsonNode.Parse(File.ReadAllText(Path.Combine(ZgwSchemas.Folder, file)))).ShouldBeEmpty();

    // must not validate: the schemas really are enforced
    [Theory]
    [InlineData("bronorganisatie", null)]
    [InlineData("omschrijving", "\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901\"")]
    [InlineData("startdatum", "\"1 maart\"")]
    [InlineData("zaaktype", null)]
    [InlineData("vertrouwelijkheidaanduiding", "\"heel_geheim\"")]
    [InlineData("zaakgeometrie", """{"type":"Point","coordinates":[5.6]}""")]
    [InlineData("kenmerken", """[{"bron":"ADWATCH"}]""")]
    public void BrokenZaak_IsRefused(string field, string? json)
    {
        var zaak = ZgwBodies.Zaak(Options, Lead(), Now);
        if (json is null)
        {
            zaak.Remove(field);
        }
        else
        {
            zaak[field] = JsonNode.Parse(json);
        }

        ZgwSchemas.Zaken.Validate("Zaak", zaak).ShouldNotBeEmpty();
    }

    [Fact]
    public void UnresolvedLead_IsAValidWoonplaatsZaakObject_AndAZaakWithoutGeometry()
    {
        // Even with a point and address parts on the lead (as no stored place of an unresolved location has), none is sent.
        var lead = Lead() with { Precision = "unresolved", Label = "adres onbekend, Harderwijk" };

        var body = ZgwBodies.ZaakObject(lead, ZaakUrl);
        var zaak = ZgwBodies.Zaak(Options, lead, Now);

        ZgwSchemas.Zaken.Validate("woonplaats_ZaakObject", body).ShouldBeEmpty();
        ZgwSchemas.Zaken.Validate("Zaak", zaak).ShouldBeEmpty();
        body["objectType"]!.GetValue<string>().ShouldBe(ZgwBodies.ZaakObjectType(lead));
        body["objectIdentificatie"]!.ToJsonString().ShouldBe("""{"identificatie":"adwatch-locatie-7","woonplaatsNaam":"Harderwijk"}""");
        zaak.ContainsKey("zaakgeometrie").ShouldBeFalse();
    }

    [Fact]
    public void ZaakObjectWithoutHouseNumber_IsRefused()
    {
        var body = ZgwBodies.ZaakObject(Lead(), ZaakUrl);
        body["objectIdentificatie"]!.AsObject().Remove("huisnummer");

        ZgwSchemas.Zaken.Validate("adres_ZaakObject", body).ShouldNotBeEmpty();
    }

    [Fact]
    public void ZaakenSpec_RequiresCrsHeadersOnPostZaken()
    {
        var parameters = ZgwSchemas.Zaken.Spec["paths"]!["/zaken"]!["post"]!["parameters"]!.AsArray();

        parameters.Where(p => p!["in"]!.GetValue<string>() == "header" && p["required"]?.GetValue<bool>() == true)
            .Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["Content-Type", "Accept-Crs", "Content-Crs"], ignoreOrder: true);
    }

    internal static Lead Lead() => new()
    {
        LeadId = "lead-42", FlagId = 42, LocationId = 7, Status = "inspection_proposed", Score = 0.87, Label = "Stationslaan 14a, 3841 AB Harderwijk",
        Precision = "address", Street = "Stationslaan", HouseNumber = "14a", Postcode = "3841AB", Place = "Harderwijk", MunicipalityCode = "GM0243",
        Lat = 52.349, Lon = 5.622, FirstFlaggedAt = Now, ComputedAt = Now,
        Reasons = [new LeadReason("rotation", "Wisselende adverteerders", "Rotating advertisers")],
    };
}
