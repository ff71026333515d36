namespace AdWatch.Exports;

/// <summary>The <c>exports.kind</c> values.</summary>
public static class ExportKinds
{
    public const string Zgw = "zgw";
    public const string Webhook = "webhook";
    public const string Csv = "csv";
    public const string Json = "json";
}
