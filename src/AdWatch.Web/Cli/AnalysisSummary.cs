using System.Text;
using AdWatch.Analysis;

namespace AdWatch.Web.Cli;

/// <summary>The human-readable summary of an analysis run: flagged locations first, with their first reason.</summary>
internal static class AnalysisSummary
{
    public static string Describe(AnalysisRun run)
    {
        var report = run.Report;
        var text = new StringBuilder();
        text.AppendLine($"Analysis as of {report.AsOf}, region {string.Join(", ", report.Region)}");
        text.AppendLine($"{report.Locations.Count} flagged location(s) — leads for human review only:");
        foreach (var location in report.Locations)
        {
            text.AppendLine($"  {location.Score:0.00}  {location.Label} ({location.MunicipalityCode}): {location.Advertisers} advertisers, " +
                            $"{location.ShortStays} short stays, {location.FirstSeen[..10]} – {location.LastSeen[..10]}");
            foreach (var reason in location.Reasons)
            {
                text.AppendLine($"        {reason.Text}");
            }
        }
        text.Append($"{report.Touring.Count} touring advertiser(s).");
        return text.ToString();
    }
}
