using System.CommandLine;
using System.Globalization;

namespace AdWatch.Web.Cli;

/// <summary>Options that take an ISO-8601 time (<c>2023-03-01T10:15:00Z</c>, or a date meaning its start in UTC).</summary>
internal static class CliTime
{
    public static Option<DateTimeOffset?> Option(string name, string description) => new(name)
    {
        Description = description + " (ISO-8601, e.g. 2023-12-31T23:59:59Z)",
        HelpName = "T",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return at;
            }
            result.AddError($"{name}: '{text}' is not an ISO-8601 time such as 2023-03-01T10:15:00Z.");
            return null;
        },
    };
}
