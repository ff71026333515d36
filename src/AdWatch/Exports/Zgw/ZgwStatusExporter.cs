using AdWatch.Enforcement;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports.Zgw;

/// <summary>
/// Sends one change of a measure's state as a status on the zaak of the flag's last finished ZGW export, in two saved steps:
/// the zaak it goes to, then the status. Before creating, it looks for a status of the same type whose toelichting carries the
/// change's marker (<see cref="ZgwBodies.StatusMarker"/>), so a POST whose answer was lost is not repeated.
/// </summary>
public sealed class ZgwStatusExporter(ZgwClient client, EnforcementStore enforcement, ExportStore store, IOptions<ExportsOptions> options)
{
    public async Task<ZgwOutbox> RunAsync(ExportRow export, CancellationToken ct)
    {
        var outbox = ZgwOutbox.Parse(export.OutboxJson);
        if (outbox.Status is not null)
        {
            return outbox;
        }
        var change = await enforcement.GetEventAsync(export.MeasureEventId ?? 0, ct)
            ?? throw new InvalidOperationException($"Export {export.Id}: measure event {export.MeasureEventId} does not exist.");
        var measure = (await enforcement.GetMeasureAsync(change.MeasureId, ct))!;
        var statustype = options.Value.Zgw.StatustypeFor(change.To)
            ?? throw new InvalidOperationException($"Export {export.Id}: no STATUSTYPE for a measure that is {Storage.EnumText.ToText(change.To)}; " +
                                                   "set Exports:Zgw:MeasureStatustype or Exports:Zgw:MeasureStatustypen.");
        if (outbox.Zaak is null)
        {
            var zaak = await store.ZaakOfAsync(export.FlagId ?? 0, ct)
                ?? throw new InvalidOperationException($"Export {export.Id}: flag {export.FlagId} has no finished ZGW export, so there is no zaak to update.");
            outbox = outbox with { Zaak = zaak };
            await store.SaveProgressAsync(export.Id, "running", outbox.ToJson(), null, null, ct);
        }
        var user = export.RequestedBy;
        var url = await client.FindStatusAsync(outbox.Zaak, statustype, ZgwBodies.StatusMarker(change), user, ct)
            ?? await client.CreateStatusAsync(ZgwBodies.Status(outbox.Zaak, statustype, measure, change), user, ct);
        return outbox with { Status = url };
    }
}
