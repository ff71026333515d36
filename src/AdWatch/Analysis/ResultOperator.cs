namespace AdWatch.Analysis;

/// <summary>A phone behind several clearly different advertisers (different names and photos): linked, never merged.</summary>
public sealed record ResultOperator(long PhoneId, string E164, IReadOnlyList<string> AdvertiserKeys);
