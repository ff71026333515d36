using System.Globalization;
using AdWatch.Analysis;
using AdWatch.Privacy;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports;

/// <summary>
/// Requests the export of one lead to every configured case-system target (ZGW and/or webhook): one outbox row per
/// target, one audit entry, one background job per row. Only coordinators and admins may export.
/// </summary>
public sealed class LeadExports(AnalysisStore flags, ExportStore store, AuditLog audit, IBackgroundJobClient jobs,
    IOptions<ExportsOptions> options, TimeProvider time)
{
    public static readonly IReadOnlyList<string> AllowedRoles = ["coordinator", "admin"];

    /// <summary>The targets in force: <c>zgw</c> and/or <c>webhook</c>.</summary>
    public IReadOnlyList<string> Targets =>
    [
        .. options.Value.Zgw.Enabled ? [ExportKinds.Zgw] : Array.Empty<string>(),
        .. options.Value.Webhook.Enabled ? [ExportKinds.Webhook] : Array.Empty<string>(),
    ];

    /// <summary>Creates and enqueues the exports of flag <paramref name="flagId"/>; returns the export ids.</summary>
    /// <exception cref="UnauthorizedAccessException">The role is not coordinator or admin.</exception>
    /// <exception cref="InvalidOperationException">No target is configured, or the flag is unknown or inactive.</exception>
    public async Task<IReadOnlyList<long>> RequestAsync(long flagId, string actor, string role, CancellationToken ct)
    {
        if (!AllowedRoles.Contains(role))
        {
            throw new UnauthorizedAccessException($"Only coordinators and admins may export leads; {actor} is {role}.");
        }
        var targets = Targets;
        if (targets.Count == 0)
        {
            throw new InvalidOperationException("No export target is configured: set Exports:Zgw:ZakenApiUrl or Exports:Webhook:Url.");
        }
        _ = await flags.GetFlagAsync(flagId, ct) ?? throw new InvalidOperationException($"Flag {flagId} does not exist.");
        var ids = new List<long>();
        foreach (var kind in targets)
        {
            ids.Add(await store.CreateAsync(flagId, kind, actor, time.GetUtcNow(), ct));
        }
        await audit.WriteAsync(actor, "export", "flag", flagId.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", targets.Zip(ids, (k, id) => $"{k} export {id.ToString(CultureInfo.InvariantCulture)}")), ct);
        foreach (var id in ids)
        {
            jobs.Enqueue<ExportJob>(j => j.RunAsync(id, CancellationToken.None));
        }
        return ids;
    }
}
