using AdWatch.Enforcement;
using AdWatch.Extraction;

namespace AdWatch.Tests.Enforcement;

public sealed class YearReportTests : IAsyncLifetime
{
    private EnforcementDb _db = null!;
    private long _house;
    private long _shop;
    private long _ermelo;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await EnforcementDb.CreateAsync(Ct);
        _house = await _db.AddLocationAsync("Huisweg 1, Harderwijk", "GM0243", Ct);
        _shop = await _db.AddLocationAsync("Winkelweg 2, Harderwijk", "GM0243", Ct);
        _ermelo = await _db.AddLocationAsync("Ermeloweg 3, Ermelo", "GM0233", Ct);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private YearReportQuery Query => new(_db.Database, Microsoft.Extensions.Options.Options.Create(new RegionOptions()));

    private async Task ControlAsync(long location, DateOnly on, int persons, int illegal, Premises premises = Premises.Woning) =>
        (await _db.Store.RecordControlAsync(new NewControl(location, on, [ControlParty.Pct], premises, illegal > 0, persons, illegal, false, true, null),
            "c", Ct)).Succeeded.ShouldBeTrue();

    private async Task<long> MeasureAsync(long location, MeasureType type, long? cents, DateOnly imposed, DateOnly? from = null, DateOnly? to = null)
    {
        var result = await _db.Store.RecordMeasureAsync(new NewMeasure(location, type, cents, null, from, to, MeasureState.Imposed, imposed, null), "c", Ct);
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Id!.Value;
    }

    private async Task ChangeAsync(long measure, MeasureState to, DateOnly on) =>
        (await _db.Store.ChangeStateAsync(measure, to, on, "c", null, Ct)).Succeeded.ShouldBeTrue();

    [Fact]
    public async Task Compute_CountsTheMunicipalitysYear_AndLeavesOutOtherMunicipalitiesAndYears()
    {
        await ControlAsync(_house, new DateOnly(2023, 2, 1), 3, 2);
        await ControlAsync(_house, new DateOnly(2023, 6, 1), 1, 1);
        await ControlAsync(_shop, new DateOnly(2023, 7, 1), 2, 0, Premises.Bedrijfspand);
        await ControlAsync(_house, new DateOnly(2022, 12, 31), 9, 9);   // the year before
        await ControlAsync(_ermelo, new DateOnly(2023, 3, 1), 5, 5);    // another municipality
        var d1 = await MeasureAsync(_house, MeasureType.Dwangsom, 500_000, new DateOnly(2023, 2, 10));
        await ChangeAsync(d1, MeasureState.Forfeited, new DateOnly(2023, 6, 5));
        await MeasureAsync(_shop, MeasureType.Dwangsom, 250_000, new DateOnly(2023, 7, 10));
        var b = await MeasureAsync(_house, MeasureType.Bestuursdwang, null, new DateOnly(2023, 6, 10), new DateOnly(2023, 9, 1), new DateOnly(2023, 9, 14));
        await ChangeAsync(b, MeasureState.Executed, new DateOnly(2023, 9, 1));
        await MeasureAsync(_house, MeasureType.Bestuursdwang, null, new DateOnly(2024, 1, 2));  // the next year
        var e = await MeasureAsync(_ermelo, MeasureType.Dwangsom, 100_000, new DateOnly(2023, 3, 5));
        await ChangeAsync(e, MeasureState.Forfeited, new DateOnly(2023, 4, 5));

        var report = await Query.ComputeAsync(2023, "GM0243", Ct);

        (report.Controls, report.PersonsChecked, report.PersonsIllegal, report.Locations, report.LocationsWoning).ShouldBe((3, 6, 3, 2, 1));
        report.DwangsomImposedCents.ShouldBe([500_000L, 250_000L]);
        report.DwangsomForfeitedCents.ShouldBe([500_000L]);
        (report.BestuursdwangImposed, report.BestuursdwangExecuted).ShouldBe((1, 1));
        var closure = report.Closures.ShouldHaveSingleItem();
        (closure.Days, closure.Months, closure.PremisesWord).ShouldBe((14, (int?)null, "woning"));
        report.Lines().ShouldBe([
            "3 controles uitgevoerd",
            "6 personen gecontroleerd, waarbij 3x sprake was van illegale prostitutie",
            "2 locaties, betrof 1x een woning",
            "Last onder dwangsom 2x (dwangsommen van in totaal 7500 euro)",
            "Last onder bestuursdwang 1x",
            "Last onder dwangsom verbeurd 1x (dwangsom van 5000 euro)",
            "Last onder bestuursdwang toegepast 1x (woning gesloten voor 14 dagen)",
        ]);

        var all = await Query.ComputeAsync(2023, null, Ct);
        (all.Controls, all.PersonsChecked, all.Locations, all.DwangsomForfeited).ShouldBe((4, 11, 3, 2));
        var ermelo = await Query.ComputeAsync(2023, "GM0233", Ct);
        (ermelo.Controls, ermelo.DwangsomImposed, ermelo.BestuursdwangImposed).ShouldBe((1, 1, 0));
    }

    [Fact]
    public async Task Compute_CountsAMeasureOnce_WhenItIsImposedAgainAfterAnObjection()
    {
        var d = await MeasureAsync(_house, MeasureType.Dwangsom, 500_000, new DateOnly(2023, 2, 10));
        await ChangeAsync(d, MeasureState.InObjection, new DateOnly(2023, 3, 1));
        await ChangeAsync(d, MeasureState.Imposed, new DateOnly(2023, 5, 1));

        (await Query.ComputeAsync(2023, "GM0243", Ct)).DwangsomImposed.ShouldBe(1);
    }

    [Fact]
    public void Closure_IsInWholeMonths_WhenItEndsTheDayBeforeTheSameDate()
    {
        new YearReportClosure(1, 1, MeasureType.Bestuursdwang, Premises.Woning, new DateOnly(2023, 11, 20), new DateOnly(2024, 2, 19)).LengthText
            .ShouldBe("3 maanden");
        new YearReportClosure(1, 1, MeasureType.Bestuursdwang, Premises.Woning, new DateOnly(2023, 11, 20), new DateOnly(2024, 2, 20)).LengthText
            .ShouldBe("93 dagen");
    }

    [Fact]
    public async Task CheckMunicipality_KnowsTheRegionAndPlaces_AndRefusesOthers()
    {
        (await Query.CheckMunicipalityAsync("GM0273", Ct)).ShouldBeNull();   // Putten: in the region, no place yet
        await _db.AddLocationAsync("Elders 1, Nunspeet", "GM0302", Ct);
        (await Query.CheckMunicipalityAsync("GM0302", Ct)).ShouldBeNull();
        (await Query.CheckMunicipalityAsync("GM9999", Ct))!.ShouldStartWith("Unknown municipality GM9999");
        (await Query.CheckMunicipalityAsync("Harderwijk", Ct))!.ShouldContain("not a municipality code");
    }

    [Fact]
    public async Task Csv_HasOneRowPerFigure()
    {
        await ControlAsync(_house, new DateOnly(2023, 2, 1), 3, 2);
        using var stream = new MemoryStream();

        await YearReportCsv.WriteAsync(stream, await Query.ComputeAsync(2023, "GM0243", Ct), Ct);

        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("figure,value");
        lines.ShouldContain("municipality,GM0243");
        lines.ShouldContain("controls,1");
        lines.ShouldContain("persons_checked,3");
        lines.ShouldContain("persons_illegal_prostitution,2");
    }
}
