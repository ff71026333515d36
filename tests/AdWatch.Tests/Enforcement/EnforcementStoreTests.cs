using AdWatch.Enforcement;

namespace AdWatch.Tests.Enforcement;

public sealed class EnforcementStoreTests : IAsyncLifetime
{
    private EnforcementDb _db = null!;
    private long _location;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await EnforcementDb.CreateAsync(Ct);
        _location = await _db.AddLocationAsync("Teststraat 1, 3841 AA Harderwijk", "GM0243", Ct);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private NewControl Control(int persons = 2, int illegal = 2) => new(_location, new DateOnly(2023, 2, 21), [ControlParty.Pct, ControlParty.Boa],
        Premises.Woning, illegal > 0, persons, illegal, TraffickingSignals: true, CareOffered: true, "  na meldingen  ");

    private NewMeasure Dwangsom(MeasureState state = MeasureState.Imposed) =>
        new(_location, MeasureType.Dwangsom, 500_000, new DateOnly(2023, 3, 15), null, null, state, new DateOnly(2023, 3, 1), null);

    [Fact]
    public async Task RecordControl_RoundTripsEveryField_AndIsAudited()
    {
        var result = await _db.Store.RecordControlAsync(Control(), "coordinator", Ct);

        result.Succeeded.ShouldBeTrue(result.Message);
        var stored = (await _db.Store.ControlsAsync(_location, Ct)).ShouldHaveSingleItem();
        stored.ShouldBe(new ControlRecord(result.Id!.Value, _location, new DateOnly(2023, 2, 21), stored.ByWhom, Premises.Woning, true, 2, 2,
            true, true, "na meldingen", "coordinator", EnforcementDb.T0));
        stored.ByWhom.ShouldBe([ControlParty.Pct, ControlParty.Boa]);
        var audit = (await _db.AuditAsync(Ct)).ShouldHaveSingleItem();
        (audit.Actor, audit.Action, audit.TargetKind, audit.TargetId).ShouldBe(("coordinator", "change", "control", result.Id.Value.ToString()));
        audit.Detail.ShouldContain("2023-02-21");
    }

    [Theory]
    [InlineData(2, 3, "no more than those checked")]
    [InlineData(-1, 0, "Persons checked must be 0 to")]
    public async Task RecordControl_RefusesImpossibleCounts_AndStoresNothing(int persons, int illegal, string message)
    {
        var result = await _db.Store.RecordControlAsync(Control(persons, illegal), "coordinator", Ct);

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain(message);
        (await _db.Store.ControlsAsync(_location, Ct)).ShouldBeEmpty();
        (await _db.AuditAsync(Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordControl_RefusesAnUnknownLocation_AndNoParties()
    {
        (await _db.Store.RecordControlAsync(Control() with { LocationId = 999 }, "c", Ct)).Message.ShouldBe("There is no location 999.");
        (await _db.Store.RecordControlAsync(Control() with { ByWhom = [] }, "c", Ct)).Message.ShouldContain("who took part");
    }

    [Fact]
    public async Task AddDocument_KeepsBytesHashAndKind_UnderAPlainFileName()
    {
        var control = (await _db.Store.RecordControlAsync(Control(), "c", Ct)).Id!.Value;
        var pdf = "%PDF-1.7\n% rapportage\n%%EOF\n"u8.ToArray();

        var added = await _db.Store.AddDocumentAsync(control, "C:\\Users\\boa\\..\\rapport\u0007age.pdf", pdf, "c", Ct);

        added.Succeeded.ShouldBeTrue(added.Message);
        var doc = (await _db.Store.DocumentsAsync(control, Ct)).ShouldHaveSingleItem();
        (doc.Name, doc.Sha256, doc.Bytes).ShouldBe(("rapportage.pdf", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), (long)pdf.Length));
        var stored = (await _db.Store.DocumentAsync(doc.Id, Ct)).ShouldNotBeNull();
        (stored.MediaType, stored.LocationId).ShouldBe(("application/pdf", Control().LocationId));
        stored.Content.ShouldBe(pdf);
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", EnforcementRefusal.DocumentKind)] // HTML named .pdf is no PDF
    [InlineData("", EnforcementRefusal.BadDocument)]
    public async Task AddDocument_RefusesWhatIsNoPdfPngOrJpeg_AndEmptyFiles(string text, EnforcementRefusal refusal)
    {
        var control = (await _db.Store.RecordControlAsync(Control(), "c", Ct)).Id!.Value;

        (await _db.Store.AddDocumentAsync(control, "rapport.pdf", System.Text.Encoding.UTF8.GetBytes(text), "c", Ct)).Refusal.ShouldBe(refusal);
        (await _db.Store.AddDocumentAsync(control, "groot.pdf", new byte[EnforcementStore.MaxDocumentBytes + 1], "c", Ct)).Refusal.ShouldBe(EnforcementRefusal.BadDocument);
        (await _db.Store.DocumentsAsync(control, Ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38 }, null)] // GIF
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)]        // a cut-off "%PD"
    public void MediaType_IsReadFromTheMagicNumber(byte[] head, string? expected) => EnforcementStore.MediaTypeOf(head).ShouldBe(expected);

    [Fact]
    public async Task Measure_RoundTrips_AndEveryStateChangeIsAnEventAndAnAuditEntry()
    {
        var id = (await _db.Store.RecordMeasureAsync(Dwangsom(MeasureState.Intended), "coordinator", Ct)).Id!.Value;
        _db.Time.Advance(TimeSpan.FromHours(1));
        (await _db.Store.ChangeStateAsync(id, MeasureState.Imposed, new DateOnly(2023, 3, 8), "coordinator", "besluit verzonden", Ct)).Succeeded.ShouldBeTrue();
        (await _db.Store.ChangeStateAsync(id, MeasureState.Forfeited, new DateOnly(2023, 4, 5), "coordinator", null, Ct)).Succeeded.ShouldBeTrue();

        var measure = (await _db.Store.GetMeasureAsync(id, Ct))!;
        measure.ShouldBe(new MeasureRecord(id, _location, MeasureType.Dwangsom, 500_000, new DateOnly(2023, 3, 15), null, null,
            MeasureState.Forfeited, null, "coordinator", EnforcementDb.T0));
        var events = await _db.Store.EventsAsync(id, Ct);
        events.Select(e => (e.From, e.To, e.On)).ShouldBe([
            (null, MeasureState.Intended, new DateOnly(2023, 3, 1)),
            (MeasureState.Intended, MeasureState.Imposed, new DateOnly(2023, 3, 8)),
            (MeasureState.Imposed, MeasureState.Forfeited, new DateOnly(2023, 4, 5)),
        ]);
        events[1].Note.ShouldBe("besluit verzonden");
        events[1].At.ShouldBe(EnforcementDb.T0.AddHours(1));
        var audit = await _db.AuditAsync(Ct);
        var target = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        audit.ShouldAllBe(a => a.TargetKind == "measure" && a.TargetId == target);
        audit.Select(a => a.Detail).ShouldBe([
            $"dwangsom recorded at location {_location}: intended on 2023-03-01",
            "intended → imposed on 2023-03-08",
            "imposed → forfeited on 2023-04-05",
        ]);
    }

    [Theory]
    [InlineData(MeasureType.Dwangsom, MeasureState.Executed, EnforcementRefusal.StateNotForType, "Only a bestuursdwang or a sluiting can be executed")]
    [InlineData(MeasureType.Bestuursdwang, MeasureState.Forfeited, EnforcementRefusal.StateNotForType, "Only a dwangsom can be forfeited")]
    [InlineData(MeasureType.Dwangsom, MeasureState.Intended, EnforcementRefusal.TransitionNotAllowed,
        "cannot become intended; it can become forfeited or lifted or in_objection")]
    public async Task ChangeState_RefusesATransitionTheRulesDoNotAllow(MeasureType type, MeasureState to, EnforcementRefusal refusal, string message)
    {
        var id = (await _db.Store.RecordMeasureAsync(Dwangsom() with { Type = type, AmountCents = type == MeasureType.Dwangsom ? 500_000 : null },
            "c", Ct)).Id!.Value;

        var result = await _db.Store.ChangeStateAsync(id, to, new DateOnly(2023, 4, 1), "c", null, Ct);

        result.Succeeded.ShouldBeFalse();
        result.Refusal.ShouldBe(refusal);
        result.Message.ShouldContain(message);
        (await _db.Store.GetMeasureAsync(id, Ct))!.State.ShouldBe(MeasureState.Imposed);
        (await _db.Store.EventsAsync(id, Ct)).Count.ShouldBe(1);
        (await _db.AuditAsync(Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ChangeState_FromAFinalState_SaysItIsFinal_AndObjectionReturnsToImposed()
    {
        var id = (await _db.Store.RecordMeasureAsync(Dwangsom(), "c", Ct)).Id!.Value;
        (await _db.Store.ChangeStateAsync(id, MeasureState.InObjection, new DateOnly(2023, 3, 20), "c", null, Ct)).Succeeded.ShouldBeTrue();
        (await _db.Store.ChangeStateAsync(id, MeasureState.Imposed, new DateOnly(2023, 5, 1), "c", "bezwaar ongegrond", Ct)).Succeeded.ShouldBeTrue();
        (await _db.Store.ChangeStateAsync(id, MeasureState.Lifted, new DateOnly(2023, 6, 1), "c", null, Ct)).Succeeded.ShouldBeTrue();

        (await _db.Store.ChangeStateAsync(id, MeasureState.Imposed, new DateOnly(2023, 7, 1), "c", null, Ct)).Message.ShouldContain("it is final");
    }

    [Fact]
    public async Task ChangeState_RefusesADayBeforeTheLastChange_AndAnUnknownMeasure()
    {
        var id = (await _db.Store.RecordMeasureAsync(Dwangsom(), "c", Ct)).Id!.Value;

        (await _db.Store.ChangeStateAsync(id, MeasureState.Forfeited, new DateOnly(2023, 2, 1), "c", null, Ct)).Message.ShouldContain("before the measure's last change");
        (await _db.Store.ChangeStateAsync(12345, MeasureState.Lifted, new DateOnly(2023, 2, 1), "c", null, Ct)).Message.ShouldBe("There is no measure 12345.");
    }

    [Fact]
    public async Task RecordMeasure_RefusesAnAmountOnABestuursdwang_AClosureEndingBeforeItStarts_AndAFinalFirstState()
    {
        (await _db.Store.RecordMeasureAsync(Dwangsom() with { Type = MeasureType.Bestuursdwang }, "c", Ct)).Message.ShouldBe("Only a dwangsom has an amount.");
        (await _db.Store.RecordMeasureAsync(Dwangsom() with { AmountCents = null, StartsOn = new DateOnly(2023, 5, 2), EndsOn = new DateOnly(2023, 5, 1) },
            "c", Ct)).Message.ShouldBe("A closure cannot end before it starts.");
        (await _db.Store.RecordMeasureAsync(Dwangsom(MeasureState.Forfeited), "c", Ct)).Message.ShouldBe("A new measure is recorded as intended or imposed.");
        (await _db.Store.MeasuresAsync(_location, Ct)).ShouldBeEmpty();
    }
}
