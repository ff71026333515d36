namespace AdWatch.Web.Pages.Touring;

/// <summary>One town of a tour and the days the advertiser's ads named it.</summary>
public sealed record TouringTown(string Label, bool InRegion, DateTimeOffset From, DateTimeOffset To);
