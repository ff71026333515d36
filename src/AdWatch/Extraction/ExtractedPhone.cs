namespace AdWatch.Extraction;

/// <summary>A phone number found in an ad: E.164, the text as written, and whether it was written to dodge filters.</summary>
public sealed record ExtractedPhone(string E164, string Raw, bool Obfuscated);
