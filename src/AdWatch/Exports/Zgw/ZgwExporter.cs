using System.Security.Cryptography;
using AdWatch.Exports.Dossier;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports.Zgw;

/// <summary>
/// Sends a lead to the case system in four steps — zaak, zaakobject (adres; woonplaats when the address is unknown), dossier document, link — saving each created
/// URL in the outbox before the next step, so an interrupted export resumes at the first missing step. The zaak's
/// identificatie is stable per lead: a POST that the server processed but whose answer was lost is recovered by a GET
/// when the retry's POST is refused as a duplicate. The later steps look for an earlier attempt's object before creating.
/// </summary>
public sealed class ZgwExporter(ZgwClient client, IDossierPdfRenderer dossier, ExportStore store, IOptions<ExportsOptions> options,
    TimeProvider time, ILogger<ZgwExporter> logger)
{
    public async Task<ZgwOutbox> RunAsync(ExportRow export, Lead lead, CancellationToken ct)
    {
        var zgw = options.Value.Zgw;
        var user = export.RequestedBy;
        var bron = zgw.Bronorganisatie!;
        var outbox = ZgwOutbox.Parse(export.OutboxJson);

        if (outbox.Zaak is null)
        {
            var identificatie = ZgwBodies.Identificatie(zgw, lead);
            var zaak = await client.CreateZaakAsync(ZgwBodies.Zaak(zgw, lead, time.GetUtcNow()), user, ct);
            if (zaak is null)
            {
                zaak = await client.FindZaakAsync(identificatie, bron, user, ct)
                    ?? throw new ZgwException($"Zaak {identificatie} exists according to POST /zaken, but GET /zaken does not find it.");
                logger.LogInformation("Export {Export}: zaak {Identificatie} already existed; recovered {Url}", export.Id, identificatie, zaak);
            }
            outbox = await SaveAsync(export, outbox with { Zaak = zaak }, ct);
        }
        if (outbox.ZaakObject is null)
        {
            var url = await client.FindZaakObjectAsync(outbox.Zaak!, ZgwBodies.ZaakObjectType(lead), user, ct)
                ?? await client.CreateZaakObjectAsync(ZgwBodies.ZaakObject(lead, outbox.Zaak!), user, ct);
            outbox = await SaveAsync(export, outbox with { ZaakObject = url }, ct);
        }
        if (outbox.Document is null)
        {
            var identificatie = ZgwBodies.DocumentIdentificatie(zgw, lead, export.Id);
            var url = await client.FindDocumentAsync(identificatie, bron, user, ct);
            if (url is null)
            {
                var pdf = await dossier.RenderAsync(lead, ct);
                // The hash is saved before the POST, so a document whose answer was lost keeps the hash of what was sent.
                outbox = await SaveAsync(export, outbox with { DocumentSha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), DocumentBytes = pdf.LongLength }, ct);
                url = await client.CreateDocumentAsync(ZgwBodies.Document(zgw, options.Value, lead, export.Id, pdf, time.GetUtcNow()), user, ct);
            }
            outbox = await SaveAsync(export, outbox with { Document = url }, ct);
        }
        if (outbox.ZaakInformatieObject is null)
        {
            var url = await client.FindZaakInformatieObjectAsync(outbox.Zaak!, outbox.Document!, user, ct)
                ?? await client.CreateZaakInformatieObjectAsync(ZgwBodies.ZaakInformatieObject(outbox.Zaak!, outbox.Document!), user, ct);
            outbox = await SaveAsync(export, outbox with { ZaakInformatieObject = url }, ct);
        }
        return outbox;
    }

    private async Task<ZgwOutbox> SaveAsync(ExportRow export, ZgwOutbox outbox, CancellationToken ct)
    {
        await store.SaveProgressAsync(export.Id, "running", outbox.ToJson(), null, null, ct);
        return outbox;
    }
}
