using AdWatch.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Watches, alert scan and delivery (e-mail, webhook) with their <c>Alerts:</c> settings.</summary>
    public static IServiceCollection AddAdWatchAlerts(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(config, AlertOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AlertStore>();
        services.TryAddSingleton<AlertScan>();
        services.TryAddSingleton<AlertDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<AdWatch.Analysis.IAnalysisFollowUp, AlertFollowUp>());
        services.AddHttpClient(AlertDelivery.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddAdWatchTelemetry(); // alerts sent and failed
        return services;
    }
}
