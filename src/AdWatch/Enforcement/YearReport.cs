using System.Globalization;
using AdWatch.Storage;

namespace AdWatch.Enforcement;

/// <summary>
/// A municipality's year in figures, the table it publishes ("De cijfers op een rij"): computed only from the recorded controls
/// and measures, never typed in. A measure counts in the year in which it reached a state (imposed, forfeited, executed) by the
/// day that change took effect; a control by its day. A closure is an executed bestuursdwang or sluiting with its first and last
/// day; its length is in whole months when it runs from a day to the day before the same date months later, else in days.
/// </summary>
public sealed record YearReport(
    int Year,
    string? MunicipalityCode,
    int Controls,
    int PersonsChecked,
    int PersonsIllegal,
    int Locations,
    int LocationsWoning,
    IReadOnlyList<long> DwangsomImposedCents,
    IReadOnlyList<long> DwangsomForfeitedCents,
    int BestuursdwangImposed,
    int BestuursdwangExecuted,
    int SluitingImposed,
    IReadOnlyList<YearReportClosure> Closures)
{
    public int DwangsomImposed => DwangsomImposedCents.Count;

    public int DwangsomForfeited => DwangsomForfeitedCents.Count;

    /// <summary>The figures as the municipality words them, one line each (Dutch, as published).</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>
        {
            $"{Controls} controles uitgevoerd",
            $"{PersonsChecked} personen gecontroleerd, waarbij {PersonsIllegal}x sprake was van illegale prostitutie",
            $"{Locations} locaties, betrof {LocationsWoning}x een woning",
            $"Last onder dwangsom {DwangsomImposed}x{Amounts(DwangsomImposedCents)}",
            $"Last onder bestuursdwang {BestuursdwangImposed}x",
            $"Last onder dwangsom verbeurd {DwangsomForfeited}x{Amounts(DwangsomForfeitedCents)}",
            $"Last onder bestuursdwang toegepast {BestuursdwangExecuted}x{ClosureText(MeasureType.Bestuursdwang)}",
        };
        if (SluitingImposed > 0 || Closures.Any(c => c.Type == MeasureType.Sluiting))
        {
            lines.Add($"Sluiting {SluitingImposed}x{ClosureText(MeasureType.Sluiting)}");
        }
        return lines;
    }

    /// <summary>The heading above <see cref="Lines"/>.</summary>
    public string Heading => $"De cijfers op een rij: {Year.ToString(CultureInfo.InvariantCulture)}" +
                             (MunicipalityCode is null ? ", alle gemeenten" : $", gemeente {MunicipalityCode}");

    /// <summary>The figures as (field, value) rows for the CSV: stable English field names, numbers only.</summary>
    public IReadOnlyList<(string Figure, string Value)> Rows() =>
    [
        ("year", N(Year)),
        ("municipality", MunicipalityCode ?? ""),
        ("controls", N(Controls)),
        ("persons_checked", N(PersonsChecked)),
        ("persons_illegal_prostitution", N(PersonsIllegal)),
        ("locations", N(Locations)),
        ("locations_woning", N(LocationsWoning)),
        ("dwangsom_imposed", N(DwangsomImposed)),
        ("dwangsom_imposed_euro", Euro(DwangsomImposedCents.Sum())),
        ("bestuursdwang_imposed", N(BestuursdwangImposed)),
        ("dwangsom_forfeited", N(DwangsomForfeited)),
        ("dwangsom_forfeited_euro", Euro(DwangsomForfeitedCents.Sum())),
        ("bestuursdwang_executed", N(BestuursdwangExecuted)),
        ("sluiting_imposed", N(SluitingImposed)),
        ("closures", N(Closures.Count)),
        ("closure_days", N(Closures.Sum(c => c.Days))),
    ];

    private string ClosureText(MeasureType type)
    {
        var closures = Closures.Where(c => c.Type == type).ToList();
        if (closures.Count == 0)
        {
            return "";
        }
        var what = closures.Select(c => c.PremisesWord).Distinct().ToList() is [var one] ? one : "pand";
        var plural = closures.Count <= 1 ? what : what switch { "woning" => "woningen", "hotel" => "hotels", _ => what + "en" };
        return $" ({plural} gesloten voor {string.Join(" en ", closures.Select(c => c.LengthText))})";
    }

    private static string Amounts(IReadOnlyList<long> cents) => cents.Count switch
    {
        0 => "",
        _ when cents.Distinct().Count() == 1 => $" (dwangsom van {Euro(cents[0])} euro)",
        _ => $" (dwangsommen van in totaal {Euro(cents.Sum())} euro)",
    };

    /// <summary>Whole euros without separators, as the published list writes them ("5000"); cents after a comma when there are any.</summary>
    internal static string Euro(long cents) => cents % 100 == 0
        ? (cents / 100).ToString(CultureInfo.InvariantCulture)
        : (cents / 100m).ToString("0.00", CultureInfo.GetCultureInfo("nl-NL"));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One closure in a year's figures: the measure, the kind of premises closed, its first and last day.</summary>
public sealed record YearReportClosure(long MeasureId, long LocationId, MeasureType Type, Premises? Premises, DateOnly StartsOn, DateOnly EndsOn)
{
    /// <summary>Days closed, the first and last day included.</summary>
    public int Days => EndsOn.DayNumber - StartsOn.DayNumber + 1;

    /// <summary>Whole calendar months when the closure ends the day before the same date months later, else null.</summary>
    public int? Months => Enumerable.Range(1, 120).Cast<int?>().FirstOrDefault(n => StartsOn.AddMonths(n!.Value).AddDays(-1) == EndsOn);

    public string LengthText => Months is { } m
        ? (m == 1 ? "1 maand" : $"{m} maanden")
        : (Days == 1 ? "1 dag" : $"{Days} dagen");

    /// <summary>The Dutch word for what was closed (<c>woning</c>), from the location's controls; <c>pand</c> when unknown.</summary>
    public string PremisesWord => Premises switch
    {
        Enforcement.Premises.Woning => "woning",
        Enforcement.Premises.Bedrijfspand => "bedrijfspand",
        Enforcement.Premises.Hotel => "hotel",
        _ => "pand",
    };

    public override string ToString() => $"{EnumText.ToText(Type)} {StartsOn:yyyy-MM-dd}..{EndsOn:yyyy-MM-dd}";
}
