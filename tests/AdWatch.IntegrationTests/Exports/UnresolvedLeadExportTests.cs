using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdWatch.Browser;
using AdWatch.Exports;
using AdWatch.Exports.Dossier;
using AdWatch.Exports.Files;
using AdWatch.IntegrationTests.Analysis;
using AdWatch.Review;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>
/// An unresolved location (a house seen only through a booking phone and photos, address unknown) as every export sends it:
/// the ZGW zaak and zaakobject, the signed webhook, the CSV and JSON files and the dossier. None may carry a street, house
/// number, postcode, point or BAG reference; each says "adres onbekend" with the town. A lead at a known address, exported
/// alongside it, carries its address: the positive control that shows the assertions can fail.
/// </summary>
public sealed class UnresolvedLeadExportTests : IAsyncLifetime
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly string[] AddressFields = ["street", "houseNumber", "postcode", "lat", "lon"];
    private static readonly string[] AdresObjectFields =
        ["gorOpenbareRuimteNaam", "huisnummer", "huisletter", "huisnummertoevoeging", "postcode", "numIdentificatie", "oaoIdentificatie"];

    private readonly ConcurrentQueue<string> _deliveries = new();
    private ZgwStandIn _zgw = null!;
    private WebApplication _receiver = null!;
    private ExportHarness _harness = null!;
    private long[] _ads = [];
    private long _unresolved;
    private long _unresolvedLocation;
    private long _resolved;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var time = new ShiftedTime();
        _zgw = await ZgwStandIn.StartAsync(time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async ctx =>
        {
            _deliveries.Enqueue(await new StreamReader(ctx.Request.Body).ReadToEndAsync());
            ctx.Response.StatusCode = 204;
        });
        await _receiver.StartAsync();
        var url = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
        _harness = await ExportHarness.StartAsync(new Dictionary<string, string?>(ExportHarness.Zgw(_zgw))
        {
            ["Exports:Webhook:Url"] = url,
            ["Exports:Webhook:Secret"] = Secret,
        }, time: time);

        _ads = await UnresolvedSeed.TownOnlyRotationAsync(_harness.Database, Ct);
        await UnresolvedSeed.Runner(_harness.Database).RunAsync(UnresolvedSeed.AsOf, null, Ct);
        (_unresolvedLocation, _unresolved) = await UnresolvedSeed.FlaggedAsync(_harness.Database, Ct);
        _resolved = await LeadSeed.LeadAsync(_harness.Database, ct: Ct); // Stationslaan 14a, 3841 AB Harderwijk
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
        await _zgw.DisposeAsync();
    }

    [Fact]
    public async Task Lead_NamesOnlyTheTown_AndCarriesTheEvidence()
    {
        var lead = (await _harness.Get<LeadQuery>().GetAsync(_unresolved, Ct)).ShouldNotBeNull();

        lead.Precision.ShouldBe("unresolved");
        lead.AddressUnknown.ShouldBeTrue();
        lead.Label.ShouldBe(UnresolvedSeed.Label);
        (lead.Street, lead.HouseNumber, lead.Postcode, lead.Lat, lead.Lon).ShouldBe((null, null, null, null, null));
        lead.Place.ShouldBe("Harderwijk");
        lead.MunicipalityCode.ShouldBe("GM0243");
        lead.Reasons[0].Text.ShouldStartWith("Adres onbekend, Harderwijk: 4 adverteerders delen boekingsnummer " + UnresolvedSeed.Booking);
        // Its ads name no place of the location (only the town), yet they are the lead's evidence.
        lead.Ads.Select(a => a.AdId).ShouldBe(_ads, ignoreOrder: true);
        lead.Phones.ShouldContain(UnresolvedSeed.Booking);

        var control = (await _harness.Get<LeadQuery>().GetAsync(_resolved, Ct)).ShouldNotBeNull();
        control.AddressUnknown.ShouldBeFalse();
        (control.Street, control.HouseNumber, control.Postcode, control.Lat, control.Lon).ShouldBe(("Stationslaan", "14a", "3841AB", 52.349, 5.622));
    }

    [Fact]
    public async Task Zgw_SendsTheTownAsWoonplaats_WithoutAddressOrGeometry()
    {
        await ExportAsync(_unresolved);
        await ExportAsync(_resolved);

        _zgw.Log.Where(l => l.Problem is not null).ShouldBeEmpty(); // every body valid against the schema of its objectType
        var zaak = ZaakOf(_unresolved);
        zaak["omschrijving"]!.GetValue<string>().ShouldBe("Signaal AdWatch: adres onbekend, Harderwijk");
        zaak.ContainsKey("zaakgeometrie").ShouldBeFalse();
        var zaakObject = ZaakObjectOf(zaak);
        zaakObject["objectType"]!.GetValue<string>().ShouldBe("woonplaats");
        zaakObject.ContainsKey("object").ShouldBeFalse(); // no BAG (or any other) object URL
        zaakObject["relatieomschrijving"]!.GetValue<string>().ShouldContain("adres onbekend, Harderwijk");
        var identification = zaakObject["objectIdentificatie"]!.AsObject();
        identification.Select(p => p.Key).ShouldBe(["identificatie", "woonplaatsNaam"], ignoreOrder: true);
        identification["woonplaatsNaam"]!.GetValue<string>().ShouldBe("Harderwijk");
        identification["identificatie"]!.GetValue<string>().ShouldBe($"adwatch-locatie-{_unresolvedLocation}");
        foreach (var field in AdresObjectFields)
        {
            identification.ContainsKey(field).ShouldBeFalse(field);
        }

        // The control: the address's zaak has its point and an adres zaakobject with street, number and postcode.
        var control = ZaakOf(_resolved);
        control["zaakgeometrie"]!["coordinates"]!.AsArray().Select(n => n!.GetValue<double>()).ShouldBe([5.622, 52.349]);
        var address = ZaakObjectOf(control);
        address["objectType"]!.GetValue<string>().ShouldBe("adres");
        address["objectIdentificatie"]!["gorOpenbareRuimteNaam"]!.GetValue<string>().ShouldBe("Stationslaan");
        address["objectIdentificatie"]!["huisnummer"]!.GetValue<int>().ShouldBe(14);
        address["objectIdentificatie"]!["postcode"]!.GetValue<string>().ShouldBe("3841AB");
    }

    [Fact]
    public async Task Webhook_CarriesNoAddress_AndSaysAdresOnbekend()
    {
        await ExportAsync(_unresolved);
        await ExportAsync(_resolved);

        var leads = _deliveries.Select(d => JsonDocument.Parse(d).RootElement.GetProperty("data").Clone()).ToList();
        leads.Count.ShouldBe(2);
        var unresolved = leads.Single(l => l.GetProperty("flagId").GetInt64() == _unresolved);
        AssertNoAddress(unresolved);
        unresolved.GetProperty("ads").GetArrayLength().ShouldBe(4);

        var control = leads.Single(l => l.GetProperty("flagId").GetInt64() == _resolved);
        control.GetProperty("street").GetString().ShouldBe("Stationslaan");
        control.GetProperty("postcode").GetString().ShouldBe("3841AB");
        control.GetProperty("lat").GetDouble().ShouldBe(52.349);
    }

    [Fact]
    public async Task JsonFile_CarriesNoAddress_AndSaysAdresOnbekend()
    {
        using var stream = new MemoryStream();
        await _harness.Get<LeadFileExporter>().WriteAsync(stream, "json", null, "ana", Ct);

        var leads = JsonDocument.Parse(stream.ToArray()).RootElement.EnumerateArray().ToList();
        AssertNoAddress(leads.Single(l => l.GetProperty("flagId").GetInt64() == _unresolved));
        leads.Single(l => l.GetProperty("flagId").GetInt64() == _resolved).GetProperty("houseNumber").GetString().ShouldBe("14a");
    }

    [Fact]
    public async Task CsvFile_LeavesTheAddressColumnsEmpty_AndSaysAdresOnbekend()
    {
        using var stream = new MemoryStream();
        await _harness.Get<LeadFileExporter>().WriteAsync(stream, "csv", null, "ana", Ct);

        using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(stream.ToArray())), LeadFileExporter.CsvConfiguration);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var unresolved = rows.Single(r => (string)r["flag_id"] == _unresolved.ToString());
        unresolved["label"].ShouldBe(UnresolvedSeed.Label);
        unresolved["precision"].ShouldBe("unresolved");
        unresolved["place"].ShouldBe("Harderwijk");
        foreach (var column in new[] { "street", "house_number", "postcode", "lat", "lon" })
        {
            ((string)unresolved[column]).ShouldBeEmpty(column);
        }
        var control = rows.Single(r => (string)r["flag_id"] == _resolved.ToString());
        control["street"].ShouldBe("Stationslaan");
        control["postcode"].ShouldBe("3841AB");
        control["lat"].ShouldBe("52.349");
    }

    [Fact]
    public async Task Dossier_SaysAdresOnbekend_AndShowsNoAddressOrPoint()
    {
        var document = _harness.Get<DossierDocument>();
        var unresolved = System.Net.WebUtility.HtmlDecode(document.Render((await _harness.Get<DossierQuery>().GetByFlagAsync(_unresolved, Ct))!, LeadSeed.At));
        var control = System.Net.WebUtility.HtmlDecode(document.Render((await _harness.Get<DossierQuery>().GetByFlagAsync(_resolved, Ct))!, LeadSeed.At));

        unresolved.ShouldContain("<dt>Adres / address</dt><dd>adres onbekend, Harderwijk / address unknown, Harderwijk</dd>");
        unresolved.ShouldContain("<dt>Coördinaten (WGS84)</dt><dd></dd>");
        unresolved.ShouldContain("<h1>AdWatch dossier — adres onbekend, Harderwijk</h1>");
        control.ShouldContain("<dt>Adres / address</dt><dd>Stationslaan 14a 3841AB Harderwijk</dd>");
        control.ShouldContain("<dt>Coördinaten (WGS84)</dt><dd>52.34900, 5.62200</dd>");
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task DossierPdf_SaysAdresOnbekend()
    {
        if (!File.Exists(BrowserLocator.DebianChromium))
        {
            Assert.Skip("No Chromium at /usr/lib/chromium/chromium (apt-get install -y chromium); PDF test skipped.");
        }
        await using var printing = await ExportHarness.StartAsync(new Dictionary<string, string?>(), realRenderer: true);
        await UnresolvedSeed.TownOnlyRotationAsync(printing.Database, Ct);
        await UnresolvedSeed.Runner(printing.Database).RunAsync(UnresolvedSeed.AsOf, null, Ct);
        var (_, flagId) = await UnresolvedSeed.FlaggedAsync(printing.Database, Ct);
        var lead = (await printing.Get<LeadQuery>().GetAsync(flagId, Ct))!;

        var text = PdfText.Extract(await printing.Get<IDossierPdfRenderer>().RenderAsync(lead, Ct));

        text.ShouldContain("adresonbekend,Harderwijk/addressunknown,Harderwijk");
    }

    private async Task ExportAsync(long flagId)
    {
        var ids = await _harness.Get<LeadExports>().RequestAsync(flagId, "coco", "coordinator", Ct);
        foreach (var id in ids)
        {
            await _harness.RunJobAsync(id);
            (await _harness.Get<ExportStore>().GetAsync(id, Ct))!.Status.ShouldBe("done");
        }
    }

    private JsonObject ZaakOf(long flagId) => _zgw.Zaken.Values.Single(z => z["identificatie"]!.GetValue<string>() == $"ADWATCH-{flagId}");

    private JsonObject ZaakObjectOf(JsonObject zaak) =>
        _zgw.ZaakObjecten.Values.Single(o => o["zaak"]!.GetValue<string>() == zaak["url"]!.GetValue<string>());

    private static void AssertNoAddress(JsonElement lead)
    {
        lead.GetProperty("label").GetString().ShouldBe(UnresolvedSeed.Label);
        lead.GetProperty("precision").GetString().ShouldBe("unresolved");
        lead.GetProperty("place").GetString().ShouldBe("Harderwijk");
        foreach (var field in AddressFields)
        {
            lead.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Null, field);
        }
    }
}
