using AdWatch.Storage;
using Hangfire;
using AdWatch.Web.Cli;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Hosting;

/// <summary>The web application: dashboard, health endpoint, and (with the jobs issue) the Hangfire server.</summary>
internal static class WebApp
{
    public static WebApplication Build(AppSettings settings, string urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        AppHost.Configure(builder, settings);
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.AddJobServer();

        var app = builder.Build();
        app.Services.GetService<IStartupValidator>()?.Validate();

        // Locked down to administrators with the dashboard issue; until then Hangfire's own filter allows local requests only.
        app.MapHangfireDashboard("/hangfire");
        app.MapGet("/healthz", async (Database db, CancellationToken ct) =>
            Results.Json(new { status = "ok", database = db.Dialect.Name }));
        app.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>AdWatch</title>" +
            "<h1>AdWatch</h1><p>De server draait. Het dashboard volgt in een volgende versie.</p>" +
            "<p lang=\"en\">The server is running. The dashboard arrives in a later version.</p></html>", "text/html; charset=utf-8"));
        return app;
    }
}
