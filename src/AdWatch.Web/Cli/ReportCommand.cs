using System.CommandLine;
using System.Globalization;
using AdWatch.Enforcement;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch report year YEAR [--municipality GM0243] [--csv]</c>: the year in figures, from the recorded controls and measures.</summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("report", "Reports computed from the recorded controls and measures");
        command.Subcommands.Add(Year(global));
        return command;
    }

    private static Command Year(GlobalOptions global)
    {
        // Read as text so a bad year is one clear line, not a parser error and the help.
        var year = new Argument<string>("YEAR") { Description = "The calendar year, e.g. 2023" };
        var municipality = new Option<string?>("--municipality") { Description = "Only this municipality (CBS code, e.g. GM0243)", HelpName = "CODE" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV (figure,value) instead of the Dutch text" };
        var command = new Command("year", "The year in figures: controls, persons, locations, dwangsommen, bestuursdwang, closures") { year, municipality, csv };
        CliAction.Set(command, async (r, ct) =>
        {
            var text = r.GetValue(year)!.Trim();
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < YearReportQuery.FirstYear or > YearReportQuery.LastYear)
            {
                throw new UserError($"'{text}' is not a year from {YearReportQuery.FirstYear} to {YearReportQuery.LastYear}.", ExitCodes.Usage);
            }
            var given = r.GetValue(municipality)?.Trim();
            // gm0243 is GM0243; anything else is reported as typed.
            var code = given is { Length: 6 } && given.StartsWith("gm", StringComparison.OrdinalIgnoreCase) ? given.ToUpperInvariant() : given;
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var query = host.Services.GetRequiredService<YearReportQuery>();
            if (code is not null && await query.CheckMunicipalityAsync(code, ct) is { } refusal)
            {
                throw new UserError(refusal);
            }
            var report = await query.ComputeAsync(y, code, ct);
            if (r.GetValue(csv))
            {
                await using var stdout = Console.OpenStandardOutput();
                await YearReportCsv.WriteAsync(stdout, report, ct);
            }
            else
            {
                Console.WriteLine(report.Heading);
                foreach (var line in report.Lines())
                {
                    Console.WriteLine($"  • {line};");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
