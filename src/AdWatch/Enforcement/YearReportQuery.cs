using System.Text.RegularExpressions;
using AdWatch.Extraction;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace AdWatch.Enforcement;

/// <summary>
/// Reads a year's controls and measures (of one municipality: <c>locations.place_id → places.municipality_code</c>, or of all)
/// and computes the <see cref="YearReport"/>. A location's premises is that of its latest control.
/// </summary>
public sealed partial class YearReportQuery(Database database, IOptions<RegionOptions> region)
{
    public const int FirstYear = 1990;
    public const int LastYear = 2100;

    /// <summary>
    /// Null when <paramref name="code"/> names a municipality AdWatch knows (one of the region's, or one some place lies in), else
    /// why not.
    /// </summary>
    public async Task<string?> CheckMunicipalityAsync(string code, CancellationToken ct)
    {
        if (!Code().IsMatch(code))
        {
            return $"'{code}' is not a municipality code; expected a CBS code like GM0243.";
        }
        var regionCodes = region.Value.MunicipalityCodes is { Count: > 0 } configured ? configured : RegionOptions.VeluweWest;
        if (regionCodes.Contains(code, StringComparer.Ordinal))
        {
            return null;
        }
        await using var connection = await database.OpenAsync(ct);
        var known = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM places WHERE municipality_code = @code", new { code }, cancellationToken: ct));
        return known > 0 ? null : $"Unknown municipality {code}: it is not in the region ({string.Join(", ", regionCodes)}) and no place lies in it.";
    }

    public async Task<YearReport> ComputeAsync(int year, string? municipalityCode, CancellationToken ct)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The year must be {FirstYear} to {LastYear}.");
        }
        var first = EnforcementStore.Day(new DateOnly(year, 1, 1));
        var last = EnforcementStore.Day(new DateOnly(year, 12, 31));
        // No `@code IS NULL OR …`: PostgreSQL cannot type a parameter that is only compared with NULL.
        var inMunicipality = municipalityCode is null ? "" : "AND p.municipality_code = @municipalityCode";
        await using var connection = await database.OpenAsync(ct);
        var controls = (await connection.QueryAsync<(long LocationId, string ControlledOn, string Premises, long Checked, long Illegal, long Id)>(
            new CommandDefinition($"""
                SELECT c.location_id, c.controlled_on, c.premises, c.persons_checked, c.persons_illegal, c.id
                FROM controls c JOIN locations l ON l.id = c.location_id JOIN places p ON p.id = l.place_id
                WHERE c.controlled_on >= @first AND c.controlled_on <= @last {inMunicipality}
                """, new { first, last, municipalityCode }, cancellationToken: ct))).ToList();
        var events = (await connection.QueryAsync<(long MeasureId, long LocationId, string Type, long? AmountCents, string? StartsOn, string? EndsOn, string ToState)>(
            new CommandDefinition($"""
                SELECT m.id, m.location_id, m.legal_type, m.amount_cents, m.starts_on, m.ends_on, e.to_state
                FROM measure_events e JOIN measures m ON m.id = e.measure_id
                     JOIN locations l ON l.id = m.location_id JOIN places p ON p.id = l.place_id
                WHERE e.on_date >= @first AND e.on_date <= @last {inMunicipality}
                """, new { first, last, municipalityCode }, cancellationToken: ct))).ToList();
        // The premises of every location with a measure or control: its latest control (in any year: a house closed in
        // January may have been controlled the December before).
        var premises = (await connection.QueryAsync<(long LocationId, string ControlledOn, long Id, string Premises)>(new CommandDefinition($"""
                SELECT c.location_id, c.controlled_on, c.id, c.premises
                FROM controls c JOIN locations l ON l.id = c.location_id JOIN places p ON p.id = l.place_id
                WHERE c.controlled_on <= @last {inMunicipality}
                """, new { last, municipalityCode }, cancellationToken: ct)))
            .GroupBy(c => c.LocationId)
            .ToDictionary(g => g.Key, g => EnumText.Parse<Premises>(g.MaxBy(c => (c.ControlledOn, c.Id)).Premises));

        var latestInYear = controls.GroupBy(c => c.LocationId)
            .Select(g => EnumText.Parse<Premises>(g.MaxBy(c => (c.ControlledOn, c.Id)).Premises)).ToList();

        // A measure counts once per state per year, also when it returned to a state (imposed again after an objection).
        var reached = events.Select(e => (e.MeasureId, e.LocationId, Type: EnumText.Parse<MeasureType>(e.Type), e.AmountCents, e.StartsOn, e.EndsOn,
                To: EnumText.Parse<MeasureState>(e.ToState)))
            .DistinctBy(e => (e.MeasureId, e.To)).OrderBy(e => e.MeasureId).ToList();
        List<long> Cents(MeasureType type, MeasureState to) =>
            [.. reached.Where(e => e.Type == type && e.To == to).Select(e => e.AmountCents ?? 0)];
        int Count(MeasureType type, MeasureState to) => reached.Count(e => e.Type == type && e.To == to);

        var closures = reached
            .Where(e => e.To == MeasureState.Executed && e.Type is MeasureType.Bestuursdwang or MeasureType.Sluiting && e.StartsOn is not null && e.EndsOn is not null)
            .Select(e => new YearReportClosure(e.MeasureId, e.LocationId, e.Type, premises.TryGetValue(e.LocationId, out var p) ? p : null,
                EnforcementStore.ParseDay(e.StartsOn!), EnforcementStore.ParseDay(e.EndsOn!)))
            .ToList();

        return new YearReport(
            year,
            municipalityCode,
            Controls: controls.Count,
            PersonsChecked: (int)controls.Sum(c => c.Checked),
            PersonsIllegal: (int)controls.Sum(c => c.Illegal),
            Locations: latestInYear.Count,
            LocationsWoning: latestInYear.Count(p => p == Premises.Woning),
            DwangsomImposedCents: Cents(MeasureType.Dwangsom, MeasureState.Imposed),
            DwangsomForfeitedCents: Cents(MeasureType.Dwangsom, MeasureState.Forfeited),
            BestuursdwangImposed: Count(MeasureType.Bestuursdwang, MeasureState.Imposed),
            BestuursdwangExecuted: Count(MeasureType.Bestuursdwang, MeasureState.Executed),
            SluitingImposed: Count(MeasureType.Sluiting, MeasureState.Imposed),
            Closures: closures);
    }

    [GeneratedRegex("^GM[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
