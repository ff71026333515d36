using AdWatch.Accounts;
using AdWatch.Extraction;
using AdWatch.Storage;
using AdWatch.Web.Dossier;
using AdWatch.Web.Maps;
using AdWatch.Web.Pages;
using AdWatch.Web.Pages.Admin;
using AdWatch.Web.Pages.Crawlers;
using AdWatch.Web.Pages.Locations;
using AdWatch.Web.Pages.Phones;
using AdWatch.Web.Pages.Touring;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Wiring of the pages: the reads each page owns (next to it under <c>Pages/</c>), their options, the map and the image endpoint
/// (which serves only stored copies of ad photos and has no HTTP client: viewing a dossier never contacts an ad site).
/// The dossier is shared with the PDF export, so it is registered by the library.
/// </summary>
public static class PagesSetup
{
    public static IServiceCollection AddPages(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => new OverviewQuery(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Gazetteer>()));
        services.AddSingleton<AuditQuery>();
        services.AddSingleton<FlaggedLocationQuery>();
        services.AddSingleton<PhoneLookup>();
        services.AddSingleton<AdWatch.Web.Pages.Addresses.AddressLookup>();
        services.AddSingleton<TouringQuery>();
        services.AddSingleton<CrawlerHealthQuery>();
        services.AddValidatedOptions<DossierPageOptions, DossierPageOptionsValidator>(config, WebOptions.Section);
        services.AddSingleton<RegionMap>();
        return services;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ads/{adId:long}/images/{index:int}", AdImageEndpoint.HandleAsync);
        return app;
    }
}
