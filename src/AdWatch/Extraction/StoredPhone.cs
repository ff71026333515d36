namespace AdWatch.Extraction;

/// <summary>A phone as stored for one ad version, with the analyst's current status of the number.</summary>
public sealed record StoredPhone
{
    public long PhoneId { get; init; }
    public required string E164 { get; init; }
    public required string Status { get; init; }
    public required string Raw { get; init; }
    public bool Obfuscated { get; init; }

    /// <summary>Where the number was found: <c>text</c> (the ad's fields and links) or <c>image</c> (OCR of an ad image).</summary>
    public string Source { get; init; } = "text";
}
