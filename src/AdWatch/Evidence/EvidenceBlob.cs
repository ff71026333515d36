namespace AdWatch.Evidence;

/// <summary>Stored raw page bytes (uncompressed) with their SHA-256 and capture time.</summary>
public sealed record EvidenceBlob(long Id, string Sha256, string Url, string? ContentType, int? HttpStatus, DateTimeOffset CapturedAt, byte[] Content);
