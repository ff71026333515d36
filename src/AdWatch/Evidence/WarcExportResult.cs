namespace AdWatch.Evidence;

/// <summary>What a WARC export wrote.</summary>
public sealed record WarcExportResult(string Path, int Responses, int Revisits);
