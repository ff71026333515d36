using System.Text.Json;

namespace AdWatch.Exports.Zgw;

/// <summary>
/// What a ZGW export has created so far, stored in <c>exports.outbox_json</c> after each step. A retry skips every
/// step whose URL is here.
/// </summary>
public sealed record ZgwOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Zaak { get; init; }
    public string? ZaakObject { get; init; }
    public string? Document { get; init; }
    /// <summary>SHA-256 (hex) of the dossier PDF sent as the document.</summary>
    public string? DocumentSha256 { get; init; }
    public long? DocumentBytes { get; init; }
    public string? ZaakInformatieObject { get; init; }
    /// <summary>For a <c>zgw_status</c> export: the status created on <see cref="Zaak"/>.</summary>
    public string? Status { get; init; }

    public bool Complete => Zaak is not null && ZaakObject is not null && Document is not null && ZaakInformatieObject is not null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ZgwOutbox Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new ZgwOutbox() : JsonSerializer.Deserialize<ZgwOutbox>(json, Json) ?? new ZgwOutbox();
}
