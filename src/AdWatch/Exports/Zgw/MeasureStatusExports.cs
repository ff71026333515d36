using System.Globalization;
using AdWatch.Analysis;
using AdWatch.Enforcement;
using AdWatch.Privacy;
using AdWatch.Storage;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports.Zgw;

/// <summary>
/// Sends every change of a measure's state to the zaak of its location's lead: for each (flag with a finished ZGW export,
/// measure event at that flag's location) without a <c>zgw_status</c> export yet, and whose state has a STATUSTYPE
/// (<see cref="ZgwOptions.StatustypeFor"/>), one export row, one audit entry and one <see cref="ExportJob"/>. It runs after
/// each measure change, after each finished ZGW export (so a zaak created later still gets the measure's history), and after
/// each analysis (a sweep that catches a change whose follow-up was interrupted). The unique (flag, event) index makes
/// repeated and concurrent runs create each row once.
/// </summary>
public sealed class MeasureStatusExports(Database database, AuditLog audit, IServiceProvider services, IOptions<ExportsOptions> options,
    TimeProvider time, ILogger<MeasureStatusExports> logger) : IMeasureFollowUp, IAnalysisFollowUp
{
    public Task AfterMeasureChangeAsync(long locationId, CancellationToken ct) => EnsureAsync("m.location_id = @id", locationId, ct);

    public Task AfterAnalysisAsync(AnalysisRun run, CancellationToken ct) => EnsureAsync(null, 0, ct);

    /// <summary>After flag <paramref name="flagId"/>'s ZGW export finished: its location's measures so far.</summary>
    public Task AfterZgwExportAsync(long flagId, CancellationToken ct) => EnsureAsync("f.id = @id", flagId, ct);

    /// <summary>Creates and enqueues the missing status exports; returns their ids.</summary>
    private async Task<IReadOnlyList<long>> EnsureAsync(string? where, long id, CancellationToken ct)
    {
        var zgw = options.Value.Zgw;
        // A CLI verb without a job server leaves the rows to the sweep of the next process that runs jobs.
        if (!zgw.Enabled || services.GetService<IBackgroundJobClient>() is not { } jobs)
        {
            return [];
        }
        await using var connection = await database.OpenAsync(ct);
        var missing = await connection.QueryAsync<Missing>(new CommandDefinition($"""
            SELECT f.id AS FlagId, e.id AS EventId, e.measure_id AS MeasureId, e.to_state AS ToState, e.actor AS Actor
            FROM measure_events e
            JOIN measures m ON m.id = e.measure_id
            JOIN flags f ON f.location_id = m.location_id
            WHERE EXISTS (SELECT 1 FROM exports z WHERE z.flag_id = f.id AND z.kind = 'zgw' AND z.status = 'done')
              AND NOT EXISTS (SELECT 1 FROM exports s WHERE s.flag_id = f.id AND s.measure_event_id = e.id)
              {(where is null ? "" : "AND " + where)}
            ORDER BY e.id, f.id
            """, new { id }, cancellationToken: ct));
        var created = new List<long>();
        foreach (var m in missing)
        {
            if (zgw.StatustypeFor(EnumText.Parse<MeasureState>(m.ToState)) is null)
            {
                continue;
            }
            var exportId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
                INSERT INTO exports (flag_id, kind, status, requested_by, created_at, measure_event_id)
                VALUES (@FlagId, @kind, 'pending', @Actor, @at, @EventId)
                ON CONFLICT (flag_id, measure_event_id) DO NOTHING
                RETURNING id
                """, new { m.FlagId, kind = ExportKinds.ZgwStatus, m.Actor, at = time.GetUtcNow(), m.EventId }, cancellationToken: ct));
            if (exportId is not { } export)
            {
                continue; // another worker created it meanwhile
            }
            await audit.WriteAsync(m.Actor, "export", "flag", m.FlagId.ToString(CultureInfo.InvariantCulture),
                $"zgw_status export {export.ToString(CultureInfo.InvariantCulture)}: measure {m.MeasureId.ToString(CultureInfo.InvariantCulture)} {m.ToState}", ct);
            jobs.Enqueue<ExportJob>(j => j.RunAsync(export, CancellationToken.None));
            created.Add(export);
        }
        if (created.Count > 0)
        {
            logger.LogInformation("Enqueued {Count} measure status export(s) to ZGW", created.Count);
        }
        return created;
    }

    private sealed record Missing(long FlagId, long EventId, long MeasureId, string ToState, string Actor);
}
