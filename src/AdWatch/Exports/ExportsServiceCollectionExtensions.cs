using AdWatch.Browser;
using AdWatch.Enforcement;
using AdWatch.Exports.Dossier;
using AdWatch.Exports.Files;
using AdWatch.Exports.Webhooks;
using AdWatch.Exports.Zgw;
using AdWatch.Observability;
using AdWatch.Review;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports;

/// <summary>Wires exports: options (validated at start), the ZGW and webhook clients, the dossier renderer, files and jobs.</summary>
public static class ExportsServiceCollectionExtensions
{
    public static IServiceCollection AddAdWatchExports(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<ExportsOptions, ExportsOptionsValidator>(config, ExportsOptions.Section);
        services.AddAdWatchBrowser(config);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ExportStore>();
        services.TryAddSingleton<LeadQuery>();
        services.TryAddSingleton<LeadFileExporter>();
        services.TryAddSingleton<DossierDocument>();
        services.AddAdWatchReview(); // the dossier the PDF prints
        services.AddAdWatchReferrals(config); // and its referral block
        services.TryAddSingleton<IDossierPdfRenderer, DossierPdfRenderer>();
        services.TryAddTransient<ZgwExporter>();
        services.TryAddTransient<LeadExports>();
        services.TryAddTransient<ExportJob>();
        services.TryAddTransient<ZgwStatusExporter>();
        services.TryAddSingleton<MeasureStatusExports>();
        services.AddAdWatchEnforcement(); // the measures whose changes become zaak statuses
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Enforcement.IMeasureFollowUp, MeasureStatusExports>(sp => sp.GetRequiredService<MeasureStatusExports>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Analysis.IAnalysisFollowUp, MeasureStatusExports>(sp => sp.GetRequiredService<MeasureStatusExports>()));

        services.AddHttpClient<ZgwClient>(ZgwClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
            {
                var zgw = sp.GetRequiredService<IOptions<ExportsOptions>>().Value.Zgw;
                // A POST that may have been processed must not be repeated blindly: the export job resumes it through the outbox.
                o.Retry.DisableForUnsafeHttpMethods();
                o.Retry.MaxRetryAttempts = zgw.Retries;
                o.Retry.Delay = zgw.RetryDelay;
                o.AttemptTimeout.Timeout = zgw.AttemptTimeout;
                o.CircuitBreaker.SamplingDuration = zgw.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);
                o.TotalRequestTimeout.Timeout = (zgw.AttemptTimeout + zgw.RetryDelay * 8) * (zgw.Retries + 1);
            });
        services.AddHttpClient<WebhookExporter>(WebhookExporter.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
            {
                // Receivers drop repeats by webhook-id, so a POST may be retried here.
                var hook = sp.GetRequiredService<IOptions<ExportsOptions>>().Value.Webhook;
                o.Retry.MaxRetryAttempts = hook.Retries;
                o.Retry.Delay = hook.RetryDelay;
                o.AttemptTimeout.Timeout = hook.AttemptTimeout;
                o.CircuitBreaker.SamplingDuration = hook.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);
                o.TotalRequestTimeout.Timeout = (hook.AttemptTimeout + hook.RetryDelay * 8) * (hook.Retries + 1);
            });
        services.AddAdWatchTelemetry(); // export outcomes
        return services;
    }
}
