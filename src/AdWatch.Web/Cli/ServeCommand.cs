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
        var role = new Option<ServeRole>("--role")
        {
            Description = "all: dashboard and jobs (default); web: dashboard only; worker: jobs only (HTTP: health endpoints). web and worker need PostgreSQL",
            DefaultValueFactory = _ => ServeRole.All,
        };
        var command = new Command("serve", "Serve the dashboard and run scheduled jobs (default)") { urls, role };
        CliAction.Set(command, (result, ct) => RunAsync(global.Read(result), result.GetValue(urls), ct, result.GetValue(role)));
        return command;
    }

    public static async Task<int> RunAsync(AppSettings settings, string? urls, CancellationToken ct, ServeRole role = ServeRole.All)
    {
        var app = WebApp.Build(settings, urls ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl, role: role);
        if (role != ServeRole.All && app.Services.GetRequiredService<AdWatch.Storage.Database>().Dialect != AdWatch.Storage.SqlDialect.Postgres)
        {
            throw new UserError($"--role {role.ToString().ToLowerInvariant()} splits AdWatch over several processes, which needs PostgreSQL " +
                                "(Storage:Provider = postgres); on SQLite run one 'adwatch serve' (--role all).", ExitCodes.Usage);
        }
        using var held = app.Services.GetRequiredService<AdWatch.Storage.Database>().FilePath is { } file ? ServeLock.Acquire(file) : null;
        await AppHost.MigrateAsync(app.Services, ct);
        await app.StartAsync(ct);
        // On a terminal the "Now listening" log lines are off (below Warning): say once where AdWatch answers.
        Announcement.Serving(role, ListenUrl(app));
        await app.WaitForShutdownAsync(ct);
        await app.DisposeAsync();
        return ExitCodes.Ok;
    }

    /// <summary>The address a browser can open for a started app (a wildcard listen address becomes localhost).</summary>
    public static string ListenUrl(WebApplication app) => AdWatch.Web.Security.SetupLinkAnnouncer.BaseUrl(
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultUrl);
}
