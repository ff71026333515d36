using AdWatch.Web.Dashboard.Maps;

namespace AdWatch.Web.Dashboard.Dossier;

/// <summary>Wiring of the analyst pages (locations, dossier, phones, touring, crawlers): their options, the map and the image endpoint.</summary>
public static class DossierPagesSetup
{
    public static IServiceCollection AddDashboardPages(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DossierPageOptions>()
            .Bind(config.GetSection(DashboardOptions.Section))
            .Validate(o => o.ImageRoleList().All(r => AdWatch.Privacy.UserStore.Roles.Contains(r)),
                "Dashboard:ImageRoles must list only the roles analyst, coordinator and admin, separated by commas.")
            .Validate(o => o.MaxImageBytes > 0, "Dashboard:MaxImageBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RegionMap>();
        services.AddHttpClient(AdImageEndpoint.HttpClientName, c =>
            {
                c.Timeout = TimeSpan.FromSeconds(10);
                c.DefaultRequestHeaders.UserAgent.ParseAdd("AdWatch/1.0 (+municipal research)");
            })
            // Image URLs come from hostile ads: no redirects, and no connection to a private or loopback address unless the
            // ad's site is marked local (the demo sites) — else an ad could make the server fetch from the internal network.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = AdWatch.Crawling.PrivateAddressGuard.ConnectAsync,
                UseCookies = false,
            });
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ads/{adId:long}/images/{index:int}", AdImageEndpoint.HandleAsync);
        return app;
    }
}
