namespace AdWatch.Evidence;

/// <summary>One WARC record: named header fields and the raw content block.</summary>
public sealed record WarcRecord(IReadOnlyDictionary<string, string> Headers, byte[] Block)
{
    public string? Type => Headers.GetValueOrDefault("WARC-Type");
    public string? TargetUri => Headers.GetValueOrDefault("WARC-Target-URI");
    public string? Date => Headers.GetValueOrDefault("WARC-Date");
}
