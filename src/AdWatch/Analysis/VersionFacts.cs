namespace AdWatch.Analysis;

/// <summary>A version's days up to the as-of day and the places of it that form locations.</summary>
internal sealed record VersionFacts(InputVersion Version, int[] Days, long[] LocationPlaceIds);
