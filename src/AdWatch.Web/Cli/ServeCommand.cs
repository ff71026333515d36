using System.CommandLine;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch serve [--urls URLS]</c>: the dashboard and the job server. The default verb.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://localhost:5080";

    public static Command Create(GlobalOptions global)
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"URLs to listen on, ';'-separated (default: ASPNETCORE_URLS, else {DefaultUrl})",
            HelpName = "URLS",
        };
        var command = new Command("serve", "Serve the dashboard and run scheduled jobs (default)") { urls };
        CliAction.Set(command, (result, ct) => RunAsync(global.Read(result), result.GetValue(urls), ct));
        return command;
    }

    public static async Task<int> RunAsync(AppSettings settings, string? urls, CancellationToken ct)
    {
        var app = WebApp.Build(settings, urls ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl);
        using var held = app.Services.GetRequiredService<AdWatch.Storage.Database>().FilePath is { } file ? ServeLock.Acquire(file) : null;
        await AppHost.MigrateAsync(app.Services, ct);
        await app.RunAsync(ct);
        return ExitCodes.Ok;
    }
}
