namespace AdWatch.Exports;

/// <summary>The <c>exports.kind</c> values.</summary>
public static class ExportKinds
{
    public const string Zgw = "zgw";
    /// <summary>A change of a measure's state, sent as a status on the zaak of an earlier <see cref="Zgw"/> export.</summary>
    public const string ZgwStatus = "zgw_status";
    public const string Webhook = "webhook";
    public const string Csv = "csv";
    public const string Json = "json";
}
