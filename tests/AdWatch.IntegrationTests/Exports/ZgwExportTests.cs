using System.Security.Cryptography;
using System.Text;
using AdWatch.Exports;
using AdWatch.Exports.Zgw;
using AdWatch.Privacy;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>Lead → zaak, zaakobject, dossier document and link, against the loopback ZGW stand-in.</summary>
public sealed class ZgwExportTests : IAsyncLifetime
{
    private ZgwStandIn _zgw = null!;
    private ExportHarness _harness = null!;
    private long _flagId;

    public async ValueTask InitializeAsync()
    {
        var time = new ShiftedTime();
        _zgw = await ZgwStandIn.StartAsync(time);
        _harness = await ExportHarness.StartAsync(ExportHarness.Zgw(_zgw), time: time);
        _flagId = await LeadSeed.LeadAsync(_harness.Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _zgw.DisposeAsync();
    }

    [Fact]
    public async Task Export_CreatesZaakObjectDocumentAndLink_WhenNothingFails()
    {
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).ShouldHaveSingleItem();
        _harness.Jobs.ExportIds("Enqueued").ShouldBe([id]);

        await _harness.RunJobAsync(id);

        var row = (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!;
        row.Status.ShouldBe("done", row.LastError);
        row.Attempts.ShouldBe(1);
        var outbox = ZgwOutbox.Parse(row.OutboxJson);
        outbox.Complete.ShouldBeTrue();
        _zgw.Log.Where(l => l.Problem is not null).ShouldBeEmpty();
        OneOfEach();

        var zaak = _zgw.Zaken.Values.Single();
        zaak["identificatie"]!.GetValue<string>().ShouldBe($"ADWATCH-{_flagId}");
        zaak["url"]!.GetValue<string>().ShouldBe(outbox.Zaak);
        zaak["kenmerken"]![0]!["bron"]!.GetValue<string>().ShouldBe("ADWATCH");
        zaak["kenmerken"]![0]!["kenmerk"]!.GetValue<string>().ShouldBe($"lead-{_flagId}");
        zaak["zaakgeometrie"]!["coordinates"]!.AsArray().Select(n => n!.GetValue<double>()).ShouldBe([5.622, 52.349]);
        zaak["omschrijving"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(80);
        zaak["vertrouwelijkheidaanduiding"]!.GetValue<string>().ShouldBe("vertrouwelijk");

        var address = _zgw.ZaakObjecten.Values.Single()["objectIdentificatie"]!;
        address["huisnummer"]!.GetValue<int>().ShouldBe(14);
        address["huisletter"]!.GetValue<string>().ShouldBe("A");
        address["postcode"]!.GetValue<string>().ShouldBe("3841AB");
        address["wplWoonplaatsNaam"]!.GetValue<string>().ShouldBe("Harderwijk");
        address["identificatie"]!.GetValue<string>().ShouldStartWith("adwatch-locatie-"); // the seeded place was geocoded offline: no BAG id

        var document = _zgw.Documenten.Values.Single();
        var pdf = Convert.FromBase64String(document["inhoud"]!.GetValue<string>());
        Encoding.ASCII.GetString(pdf).ShouldStartWith("%PDF");
        outbox.DocumentSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        document["formaat"]!.GetValue<string>().ShouldBe("application/pdf");
        document["taal"]!.GetValue<string>().ShouldBe("dut");

        var link = _zgw.ZaakInformatieObjecten.Values.Single();
        link["zaak"]!.GetValue<string>().ShouldBe(outbox.Zaak);
        link["informatieobject"]!.GetValue<string>().ShouldBe(outbox.Document);

        var audit = await _harness.Get<AuditLog>().ListAsync(null, 10, CancellationToken.None);
        audit.ShouldContain(a => a.Actor == "coco" && a.Action == "export" && a.TargetKind == "flag" && a.TargetId == _flagId.ToString());
    }

    [Fact]
    public async Task Export_IdentifiesTheAddressByItsBagNummeraanduiding_WhenPdokGaveOne()
    {
        await using (var c = await _harness.Database.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(c, """
                UPDATE places SET bag_nummeraanduiding_id = '0243200000012345', bag_adresseerbaarobject_id = '0243010000012345', source = 'pdok'
                WHERE id = (SELECT l.place_id FROM flags f JOIN locations l ON l.id = f.location_id WHERE f.id = @flagId)
                """, new { flagId = _flagId });
        }
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).ShouldHaveSingleItem();

        await _harness.RunJobAsync(id);

        (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!.Status.ShouldBe("done");
        var zaakObject = _zgw.ZaakObjecten.Values.Single();
        zaakObject["objectType"]!.GetValue<string>().ShouldBe("adres");
        zaakObject["objectIdentificatie"]!["identificatie"]!.GetValue<string>().ShouldBe("0243200000012345");
        zaakObject["objectIdentificatie"]!["huisnummer"]!.GetValue<int>().ShouldBe(14);
    }

    [Fact]
    public async Task Export_SendsAFreshTokenPerCall_AndCrsHeadersOnZaken()
    {
        var first = await CreateExportAsync();
        var otherFlag = await LeadSeed.LeadAsync(_harness.Database, key: "pc6:3841AB:2", label: "Stationslaan 2, 3841 AB Harderwijk", ct: TestContext.Current.CancellationToken);
        var second = (await _harness.Get<LeadExports>().RequestAsync(otherFlag, "coco", "coordinator", CancellationToken.None)).Single();

        await _harness.RunJobAsync(first);
        _harness.Time.Advance(TimeSpan.FromMinutes(30)); // a token kept from the first export would now be refused as stale
        await _harness.RunJobAsync(second);

        // The stand-in refuses a bad signature, a stale iat, a wrong client_id and missing CRS headers; nothing was refused.
        (await _harness.Get<ExportStore>().GetAsync(second, CancellationToken.None))!.Status.ShouldBe("done");
        _zgw.Log.Count.ShouldBe(14); // per export: 4 POSTs and 3 look-ups before creating
        _zgw.Log.ShouldAllBe(l => l.Problem == null && l.Token != null);
        _zgw.Log.Select(l => l.Token).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Export_IsRefusedAndRetried_WhenTheSecretIsWrong()
    {
        await using var wrong = await ExportHarness.StartAsync(new Dictionary<string, string?>(ExportHarness.Zgw(_zgw)) { ["Exports:Zgw:Secret"] = "not-the-secret-but-long-enough-for-hs256!" });
        var flag = await LeadSeed.LeadAsync(wrong.Database, ct: TestContext.Current.CancellationToken);
        var id = (await wrong.Get<LeadExports>().RequestAsync(flag, "coco", "coordinator", CancellationToken.None)).Single();

        await wrong.RunJobAsync(id);

        var row = (await wrong.Get<ExportStore>().GetAsync(id, CancellationToken.None))!;
        row.Status.ShouldBe("pending");
        row.LastError!.ShouldContain("403");
        _zgw.Zaken.ShouldBeEmpty();
        _zgw.Log.ShouldContain(l => l.Problem != null && l.Problem.StartsWith("JWT"));
    }

    public static TheoryData<int, string, bool> Failures()
    {
        var data = new TheoryData<int, string, bool>();
        foreach (var step in new[] { 1, 2, 3, 4 })
        {
            foreach (var failure in new[] { "500", "drop" })
            {
                data.Add(step, failure, false);
                data.Add(step, failure, true);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Retry_EndsWithExactlyOneOfEach_WhenAStepFailed(int step, string failure, bool afterStoring)
    {
        var id = await CreateExportAsync();
        _zgw.FailPost(step, failure == "drop" ? ZgwStandIn.Failure.Drop : ZgwStandIn.Failure.Status500, afterStoring);

        await _harness.RunJobAsync(id);

        var failed = (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!;
        failed.Status.ShouldBe("pending");
        failed.LastError.ShouldNotBeNullOrEmpty();
        var saved = ZgwOutbox.Parse(failed.OutboxJson);
        new[] { saved.Zaak, saved.ZaakObject, saved.Document, saved.ZaakInformatieObject }.Count(u => u is not null).ShouldBe(step - 1);
        _harness.Jobs.ExportIds("Scheduled").ShouldBe([id]);

        await _harness.RunJobAsync(id);

        var done = (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!;
        done.Status.ShouldBe("done", done.LastError);
        done.Attempts.ShouldBe(2);
        done.LastError.ShouldBeNull();
        OneOfEach();
        var outbox = ZgwOutbox.Parse(done.OutboxJson);
        outbox.Zaak.ShouldBe(_zgw.Zaken.Keys.Single());
        outbox.ZaakObject.ShouldBe(_zgw.ZaakObjecten.Keys.Single());
        outbox.Document.ShouldBe(_zgw.Documenten.Keys.Single());
        outbox.ZaakInformatieObject.ShouldBe(_zgw.ZaakInformatieObjecten.Keys.Single());
        outbox.DocumentSha256.ShouldNotBeNull();
    }

    [Fact]
    public async Task Retry_RecoversTheZaakByGet_WhenTheFirstPostWasStoredButItsAnswerLost()
    {
        var id = await CreateExportAsync();
        _zgw.FailPost(1, ZgwStandIn.Failure.Drop, afterStoring: true);

        await _harness.RunJobAsync(id);
        await _harness.RunJobAsync(id);

        _zgw.Zaken.Count.ShouldBe(1);
        _zgw.Log.ShouldContain(l => l.Request.StartsWith("POST /zaken/api/v1/zaken") && l.Problem == "identificatie-niet-uniek");
        _zgw.Log.ShouldContain(l => l.Request.StartsWith($"GET /zaken/api/v1/zaken?identificatie=ADWATCH-{_flagId}&bronorganisatie=123456782"));
        ZgwOutbox.Parse((await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!.OutboxJson).Zaak.ShouldBe(_zgw.Zaken.Keys.Single());
    }

    [Fact]
    public async Task SecondExportOfTheSameLead_ReusesZaakAndAddress_AndAddsANewDossier()
    {
        await _harness.RunJobAsync(await CreateExportAsync());
        await _harness.RunJobAsync(await CreateExportAsync());

        _zgw.Zaken.Count.ShouldBe(1);
        _zgw.ZaakObjecten.Count.ShouldBe(1);
        _zgw.Documenten.Count.ShouldBe(2);
        _zgw.ZaakInformatieObjecten.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Job_StaysFailedWithTheLastError_AfterTheLastAttempt()
    {
        var id = await CreateExportAsync();
        _zgw.FailEveryPost(ZgwStandIn.Failure.Status500);

        for (var i = 0; i < 2; i++)
        {
            await _harness.RunJobAsync(id);
        }
        // The job fails (Hangfire keeps it failed), with the ZGW error redacted for the job store.
        (await Should.ThrowAsync<AdWatch.Privacy.RedactedJobException>(() => _harness.RunJobAsync(id))).Message
            .ShouldStartWith(typeof(ZgwException).FullName!);

        var row = (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!;
        row.Status.ShouldBe("failed");
        row.Attempts.ShouldBe(3);
        row.LastError!.ShouldContain("500");
        _harness.Jobs.ExportIds("Scheduled").Count.ShouldBe(2);
        (await _harness.Get<ExportStore>().ForFlagAsync(_flagId, CancellationToken.None)).ShouldContain(r => r.Id == id && r.Status == "failed");
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("viewer")]
    [InlineData("")]
    public async Task Request_IsRefused_ForRolesOtherThanCoordinatorOrAdmin(string role)
    {
        await Should.ThrowAsync<UnauthorizedAccessException>(() => _harness.Get<LeadExports>().RequestAsync(_flagId, "ana", role, CancellationToken.None));

        (await _harness.Get<ExportStore>().ForFlagAsync(_flagId, CancellationToken.None)).ShouldBeEmpty();
        _harness.Jobs.Created.ShouldBeEmpty();
    }

    [Fact]
    public async Task Request_ByAdmin_CreatesOneRowPerTarget()
    {
        var ids = await _harness.Get<LeadExports>().RequestAsync(_flagId, "root", "admin", CancellationToken.None);

        ids.Count.ShouldBe(1);
        (await _harness.Get<ExportStore>().ForFlagAsync(_flagId, CancellationToken.None)).Single().Kind.ShouldBe("zgw");
    }

    private async Task<long> CreateExportAsync() =>
        (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).Single();

    private void OneOfEach()
    {
        _zgw.Zaken.Count.ShouldBe(1);
        _zgw.ZaakObjecten.Count.ShouldBe(1);
        _zgw.Documenten.Count.ShouldBe(1);
        _zgw.ZaakInformatieObjecten.Count.ShouldBe(1);
    }
}
