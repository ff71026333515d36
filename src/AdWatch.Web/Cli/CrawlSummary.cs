using System.Text;
using AdWatch.Crawling;

namespace AdWatch.Web.Cli;

/// <summary>The plain-text summary of a crawl run that <c>adwatch crawl</c> prints.</summary>
internal static class CrawlSummary
{
    public static string Describe(CrawlRunResult result)
    {
        var text = new StringBuilder();
        text.Append($"{result.Site}: run {result.RunId} {result.Status} at {result.ObservedAt:u}");
        if (result.Stats is { } stats)
        {
            text.Append($"\n{System.Text.Json.JsonSerializer.Serialize(stats)}");
        }
        if (result.HealthNote is { } note)
        {
            text.Append($"\nhealth warning: {note} (a suspect run removes no ads)");
        }
        return text.ToString();
    }
}
