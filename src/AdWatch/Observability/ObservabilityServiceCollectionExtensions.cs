using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// The meter factory and <see cref="AdWatchTelemetry"/>. Idempotent: every feature that records calls it, so a test that
    /// wires one feature alone records too. Exporters (OTLP, Prometheus) are the app's choice, not the library's.
    /// </summary>
    public static IServiceCollection AddAdWatchTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<AdWatchTelemetry>();
        return services;
    }
}
