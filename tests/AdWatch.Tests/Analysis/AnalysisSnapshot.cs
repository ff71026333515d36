using System.Text.Json;
using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

/// <summary>A result as one comparable string: equal snapshots mean equal advertisers, stays, flags and touring.</summary>
internal static class AnalysisSnapshot
{
    public static string Of(AnalysisResult result) => JsonSerializer.Serialize(new
    {
        Advertisers = result.Advertisers,
        Operators = result.Operators,
        Locations = result.Locations.Select(l => new { l.Place.Key, l.LicensedVenue, l.FirstDay, l.LastDay, l.Stays, l.Flag }),
        result.Touring,
        result.Municipalities,
    });
}
