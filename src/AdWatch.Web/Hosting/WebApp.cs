using AdWatch.Review;
using AdWatch.Storage;
using AdWatch.Web.Cli;
using AdWatch.Web.Dossier;
using AdWatch.Web.Localization;
using AdWatch.Web.Observability;
using AdWatch.Web.Security;
using Hangfire;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Hosting;

/// <summary>The web application: dashboard (Razor Pages), health and metrics endpoints and the Hangfire server with its admin-only dashboard.</summary>
internal static class WebApp
{
    /// <summary>
    /// Builds the app. <paramref name="configure"/> lets tests replace services (e.g. the clock) after the defaults.
    /// </summary>
    public static WebApplication Build(AppSettings settings, string urls, Action<WebApplicationBuilder>? configure = null, ServeRole role = ServeRole.All)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            // Razor Pages, views and resources live in this assembly, whichever process hosts it (tests do).
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = Directory.GetCurrentDirectory(),
            // wwwroot travels with the binary, like config/, so `adwatch` serves its CSS from any working directory.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        AppHost.Configure(builder, settings, service: true);
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.AddJobServer(runJobs: role != ServeRole.Web);
        builder.AddObservability();
        builder.AddDashboardSecurity();
        builder.Services.AddDashboardLocalization();
        builder.Services.AddPages(builder.Configuration);
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddRazorPages(o =>
            {
                o.Conventions.AllowAnonymousToFolder("/Account");
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Services.GetService<IStartupValidator>()?.Validate();
        // Every dossier carries the referral information: a missing or broken config/referrals.yaml stops the start here.
        app.Services.GetRequiredService<ReferralDirectory>();

        app.UseForwardedHeaders();
        if (role == ServeRole.Worker)
        {
            // A worker serves no dashboard: only its health endpoints, for the orchestrator's probes, and /metrics when on.
            app.Use((http, next) => http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/healthz")
                                    || http.Request.Path.StartsWithSegments("/metrics")
                ? next(http)
                : Results.NotFound().ExecuteAsync(http));
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<NulFreeInput>();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseDashboardLocalization();
        app.UseRouting();
        // After routing (the policy is the sign-in page's), before anything that checks a password.
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapPages();
        app.MapHangfireDashboard("/hangfire", new Hangfire.DashboardOptions
        {
            Authorization = [new HangfireAdminFilter()],
            AppPath = "/",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(Policies.Admin);
        app.MapObservability();
        return app;
    }
}
