using AdWatch.DemoSites.Scenario;
using AdWatch.Enforcement;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Web.Demo;

/// <summary>
/// Records the synthetic year's controls and measures (<see cref="Harderwijk2023Enforcement"/>) on the demo's four houses, through
/// <see cref="EnforcementStore"/> like a coordinator would (so they are checked and audited), after the pipeline placed the
/// houses: <c>adwatch report year 2023 --municipality GM0243</c> then prints the published figures.
/// </summary>
internal sealed class DemoEnforcement(Database database, EnforcementStore store)
{
    /// <summary>Records it all; returns (controls, measures) recorded. Throws when a house has no location (analysis did not place it).</summary>
    public async Task<(int Controls, int Measures)> RecordAsync(CancellationToken ct)
    {
        var locations = new Dictionary<int, long>();
        await using (var connection = await database.OpenAsync(ct))
        {
            for (var house = 0; house < Harderwijk2023Scenario.Houses.Count; house++)
            {
                var label = Harderwijk2023Scenario.Houses[house];
                locations[house] = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    "SELECT l.id FROM locations l JOIN places p ON p.id = l.place_id WHERE p.label = @label", new { label }, cancellationToken: ct))
                    ?? throw new InvalidOperationException($"The demo house '{label}' has no location: the analysis did not place it.");
            }
        }
        const string actor = Harderwijk2023Enforcement.RecordedBy;
        foreach (var c in Harderwijk2023Enforcement.Controls)
        {
            Check(await store.RecordControlAsync(new NewControl(locations[c.House], c.On, [.. c.ByWhom.Select(EnumText.Parse<ControlParty>)],
                Premises.Woning, IllegalProstitution: c.Persons > 0, c.Persons, c.Persons, TraffickingSignals: false, CareOffered: true, c.Note),
                actor, ct));
        }
        foreach (var m in Harderwijk2023Enforcement.Measures)
        {
            var (first, firstOn) = m.States[0];
            var id = Check(await store.RecordMeasureAsync(new NewMeasure(locations[m.House], EnumText.Parse<MeasureType>(m.Type), m.AmountCents,
                m.TermEndsOn, m.ClosedFrom, m.ClosedTo, EnumText.Parse<MeasureState>(first), firstOn, null), actor, ct));
            foreach (var (state, on) in m.States.Skip(1))
            {
                Check(await store.ChangeStateAsync(id, EnumText.Parse<MeasureState>(state), on, actor, null, ct));
            }
        }
        return (Harderwijk2023Enforcement.Controls.Count, Harderwijk2023Enforcement.Measures.Count);
    }

    private static long Check(EnforcementResult result) =>
        result.Succeeded ? result.Id!.Value : throw new InvalidOperationException($"The demo's enforcement data was refused: {result.Message}");
}
