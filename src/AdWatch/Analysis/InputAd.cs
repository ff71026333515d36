namespace AdWatch.Analysis;

/// <summary>One ad as analysis sees it: its versions, each with the UTC days it was observed and what extraction found.</summary>
public sealed record InputAd(long Id, IReadOnlyList<InputVersion> Versions);
