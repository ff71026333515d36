using AdWatch.Enforcement;
using AdWatch.Exports;
using AdWatch.Exports.Zgw;
using AdWatch.Privacy;
using Dapper;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>A measure's changes of state → statuses on the zaak of the location's lead, against the loopback ZGW stand-in.</summary>
public sealed class ZgwMeasureStatusTests : IAsyncLifetime
{
    private const string Statustype = "https://catalogi.gemeente.test/catalogi/api/v1/statustypen/5a1e0000-0000-4000-8000-000000000010";
    private const string Verbeurd = "https://catalogi.gemeente.test/catalogi/api/v1/statustypen/5a1e0000-0000-4000-8000-000000000011";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ZgwStandIn _zgw = null!;
    private ExportHarness _harness = null!;
    private long _flagId;
    private long _locationId;

    public async ValueTask InitializeAsync()
    {
        var time = new ShiftedTime();
        _zgw = await ZgwStandIn.StartAsync(time);
        _harness = await ExportHarness.StartAsync(Settings(_zgw), time: time);
        _flagId = await LeadSeed.LeadAsync(_harness.Database);
        await using var c = await _harness.Database.OpenAsync(Ct);
        _locationId = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @_flagId", new { _flagId });
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _zgw.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(ZgwStandIn zgw, bool statustypes = true)
    {
        var settings = ExportHarness.Zgw(zgw);
        if (statustypes)
        {
            settings["Exports:Zgw:MeasureStatustype"] = Statustype;
            settings["Exports:Zgw:MeasureStatustypen:forfeited"] = Verbeurd;
        }
        return settings;
    }

    private EnforcementStore Store => _harness.Get<EnforcementStore>();

    private async Task<string> ExportLeadAsync()
    {
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", Ct)).ShouldHaveSingleItem();
        await _harness.RunJobAsync(id);
        var row = (await _harness.Get<ExportStore>().GetAsync(id, Ct))!;
        row.Status.ShouldBe("done", row.LastError);
        return ZgwOutbox.Parse(row.OutboxJson).Zaak!;
    }

    private async Task<long> ImposeDwangsomAsync(EnforcementStore? store = null)
    {
        var result = await (store ?? Store).RecordMeasureAsync(new NewMeasure(_locationId, MeasureType.Dwangsom, 500_000, new DateOnly(2023, 3, 15), null, null,
            MeasureState.Imposed, new DateOnly(2023, 3, 1), "Na controle 21 februari"), "coco", Ct);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Id!.Value;
    }

    private async Task<IReadOnlyList<ExportRow>> StatusExportsAsync() =>
        [.. (await _harness.Get<ExportStore>().ForFlagAsync(_flagId, Ct)).Where(x => x.Kind == ExportKinds.ZgwStatus).OrderBy(x => x.Id)];

    private IReadOnlyList<long> Enqueued => _harness.Jobs.ExportIds("Enqueued");

    [Fact]
    public async Task EachChangeOfAMeasure_BecomesAStatusOnTheLeadsZaak_WithItsOwnStatustype()
    {
        var zaak = await ExportLeadAsync();

        var measure = await ImposeDwangsomAsync();
        var imposed = (await StatusExportsAsync()).ShouldHaveSingleItem();
        Enqueued.ShouldContain(imposed.Id);
        await _harness.RunJobAsync(imposed.Id);
        (await Store.ChangeStateAsync(measure, MeasureState.Forfeited, new DateOnly(2023, 4, 5), "coco", null, Ct)).Succeeded.ShouldBeTrue();
        var forfeited = (await StatusExportsAsync()).Last();
        await _harness.RunJobAsync(forfeited.Id);

        var rows = await StatusExportsAsync();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.Status == "done" && r.RequestedBy == "coco" && r.MeasureEventId != null);
        _zgw.Log.Where(l => l.Problem is not null).ShouldBeEmpty(); // every status body valid against the official Status schema
        var statussen = _zgw.Statussen.Values.OrderBy(s => s["datumStatusGezet"]!.GetValue<string>()).ToList();
        statussen.Count.ShouldBe(2);
        statussen.ShouldAllBe(s => s["zaak"]!.GetValue<string>() == zaak);
        statussen.Select(s => s["statustype"]!.GetValue<string>()).ShouldBe([Statustype, Verbeurd]);
        statussen[0]["datumStatusGezet"]!.GetValue<string>().ShouldStartWith("2023-03-01T");
        statussen[0]["datumStatusGezet"]!.GetValue<string>().ShouldEndWith("+01:00"); // Dutch winter time
        statussen[1]["datumStatusGezet"]!.GetValue<string>().ShouldStartWith("2023-04-05T");
        statussen[1]["datumStatusGezet"]!.GetValue<string>().ShouldEndWith("+02:00");
        var first = statussen[0]["statustoelichting"]!.GetValue<string>();
        first.ShouldStartWith("Last onder dwangsom (€ 5.000; begunstigingstermijn tot 2023-03-15): opgelegd per 2023-03-01. Vastgelegd in AdWatch door coco.");
        first.ShouldEndWith($"[AdWatch maatregel {measure}, wijziging {rows[0].MeasureEventId}]");
        statussen[1]["statustoelichting"]!.GetValue<string>().ShouldContain("opgelegd → verbeurd per 2023-04-05");
        ZgwOutbox.Parse(rows[1].OutboxJson).Status.ShouldBe(statussen[1]["url"]!.GetValue<string>());

        var audit = await _harness.Get<AuditLog>().ListAsync(null, 50, Ct);
        audit.Count(a => a.Action == "export" && a.TargetId == _flagId.ToString() && a.Detail!.StartsWith("zgw_status export")).ShouldBe(2);
    }

    [Fact]
    public async Task AMeasureRecordedBeforeTheLeadWasExported_FollowsOnceTheZaakExists()
    {
        await ImposeDwangsomAsync();
        (await StatusExportsAsync()).ShouldBeEmpty(); // no zaak yet

        var zaak = await ExportLeadAsync();

        var status = (await StatusExportsAsync()).ShouldHaveSingleItem();
        await _harness.RunJobAsync(status.Id);
        _zgw.Statussen.Values.ShouldHaveSingleItem()["zaak"]!.GetValue<string>().ShouldBe(zaak);
    }

    [Fact]
    public async Task ARetry_DoesNotSetTheStatusTwice_WhenTheFirstPostWasStoredButItsAnswerLost()
    {
        await ExportLeadAsync();
        await ImposeDwangsomAsync();
        var status = (await StatusExportsAsync()).ShouldHaveSingleItem();
        _zgw.FailPost(1, ZgwStandIn.Failure.Drop, afterStoring: true);

        await _harness.RunJobAsync(status.Id);
        (await _harness.Get<ExportStore>().GetAsync(status.Id, Ct))!.Status.ShouldBe("pending");
        _zgw.Statussen.Count.ShouldBe(1); // stored, though AdWatch never heard back
        await _harness.RunJobAsync(status.Id);

        (await _harness.Get<ExportStore>().GetAsync(status.Id, Ct))!.Status.ShouldBe("done");
        _zgw.Statussen.Count.ShouldBe(1);
        _zgw.Log.ShouldContain(l => l.Request.StartsWith("GET /zaken/api/v1/statussen?zaak=") && l.Problem == null);
        ZgwOutbox.Parse((await _harness.Get<ExportStore>().GetAsync(status.Id, Ct))!.OutboxJson).Status.ShouldBe(_zgw.Statussen.Keys.Single());
    }

    [Fact]
    public async Task TheSweepAfterAnalysis_SendsAChangeWhoseFollowUpNeverRan_AndOnlyOnce()
    {
        await ExportLeadAsync();
        // A store without follow-ups: as if the process stopped between committing the change and enqueueing its status.
        await ImposeDwangsomAsync(new EnforcementStore(_harness.Database, _harness.Get<AuditLog>(), _harness.Time));
        (await StatusExportsAsync()).ShouldBeEmpty();

        var sweep = _harness.Get<MeasureStatusExports>();
        await sweep.AfterAnalysisAsync(null!, Ct);
        await sweep.AfterAnalysisAsync(null!, Ct);

        var status = (await StatusExportsAsync()).ShouldHaveSingleItem();
        Enqueued.Count(id => id == status.Id).ShouldBe(1);
    }

    [Fact]
    public async Task WithoutAStatustype_MeasuresStayInAdWatch()
    {
        await using var plain = await ExportHarness.StartAsync(Settings(_zgw, statustypes: false));
        var flag = await LeadSeed.LeadAsync(plain.Database, ct: Ct);
        var export = (await plain.Get<LeadExports>().RequestAsync(flag, "coco", "coordinator", Ct)).Single();
        await plain.RunJobAsync(export);
        await using var c = await plain.Database.OpenAsync(Ct);
        var location = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @flag", new { flag });

        (await plain.Get<EnforcementStore>().RecordMeasureAsync(new NewMeasure(location, MeasureType.Waarschuwing, null, null, null, null,
            MeasureState.Imposed, new DateOnly(2023, 3, 1), null), "coco", Ct)).Succeeded.ShouldBeTrue();
        await plain.Get<MeasureStatusExports>().AfterAnalysisAsync(null!, Ct);

        (await plain.Get<ExportStore>().ForFlagAsync(flag, Ct)).ShouldAllBe(x => x.Kind == ExportKinds.Zgw);
        _zgw.Statussen.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("MeasureStatustypen:opgelegd", "https://catalogi.test/statustypen/1", "Exports:Zgw:MeasureStatustypen:opgelegd is not a measure state; use intended, imposed, forfeited, executed, lifted or in_objection.")]
    [InlineData("MeasureStatustype", "statustypen/1", "Exports:Zgw:MeasureStatustype must be an absolute http(s) URL (got 'statustypen/1').")]
    [InlineData("MeasureStatustypen:lifted", "ftp://catalogi.test/1", "Exports:Zgw:MeasureStatustypen:lifted must be an absolute http(s) URL (got 'ftp://catalogi.test/1').")]
    public void ABadStatustypeSetting_IsNamed(string key, string value, string problem)
    {
        var options = new ZgwOptions
        {
            ZakenApiUrl = _zgw.ZakenApi, DocumentenApiUrl = _zgw.DocumentenApi, ClientId = "c", Secret = "s", Bronorganisatie = "123456782",
            Zaaktype = "https://catalogi.test/zaaktypen/1", Informatieobjecttype = "https://catalogi.test/iot/1",
        };
        if (key.StartsWith("MeasureStatustypen:", StringComparison.Ordinal))
        {
            options.MeasureStatustypen[key["MeasureStatustypen:".Length..]] = value;
        }
        else
        {
            options.MeasureStatustype = value;
        }

        options.Validate().ShouldBe([problem]);
    }
}
