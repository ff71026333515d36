using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Observability;

/// <summary>
/// Health checks, metrics and traces for operators (docs/operations.md). Section <c>Observability</c>. Nothing leaves the
/// process unless an exporter is configured here (or by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
/// </summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string Section = "Observability";

    /// <summary>
    /// <c>/health/ready</c> fails when the data folder's disk has less free space than this; 0 to 10,000,000 MB (0: never).
    /// Evidence, photos and the SQLite file grow there, so a full disk stops crawls before it corrupts anything.
    /// </summary>
    public long MinFreeDiskMegabytes { get; set; } = 1024;

    /// <summary>
    /// The folder whose disk the readiness check watches. Default: the SQLite file's folder; with PostgreSQL the
    /// working directory's <c>data</c> folder (where the dashboard's keys live unless <c>Dashboard:KeysPath</c> says otherwise).
    /// </summary>
    public string? DataPath { get; set; }

    /// <summary>How long each readiness check may take before it counts as failed; 1 to 60 seconds.</summary>
    public int HealthCheckTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// OTLP endpoint for metrics and traces (e.g. <c>http://otel-collector:4317</c>). Empty: the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable, if set; else no OTLP export.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// <c>grpc</c> (default, port 4317) or <c>http/protobuf</c> (port 4318; <c>/v1/metrics</c> and <c>/v1/traces</c> are
    /// appended to <see cref="OtlpEndpoint"/>). Empty: the standard <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else gRPC.
    /// </summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>Serve metrics for Prometheus to scrape at <c>/metrics</c> (anonymous, only from <see cref="PrometheusAllowedNetworks"/>).</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.42.0.0/16</c>) whose clients may read <c>/metrics</c>, besides loopback, which always may.
    /// Others get 404. Behind a reverse proxy the client is the proxy unless <c>Dashboard:KnownProxies</c> names it.
    /// </summary>
    public List<string> PrometheusAllowedNetworks { get; set; } = [];

    /// <summary>The OTLP endpoint in effect: this section's, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>'s, else null.</summary>
    public Uri? EffectiveOtlpEndpoint(string? environmentEndpoint) =>
        (string.IsNullOrWhiteSpace(OtlpEndpoint) ? environmentEndpoint : OtlpEndpoint) is { Length: > 0 } e && Uri.TryCreate(e, UriKind.Absolute, out var uri)
            ? uri : null;

    /// <summary>The parsed <see cref="PrometheusAllowedNetworks"/> (validated at start).</summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks() => [.. PrometheusAllowedNetworks.Select(n => IPNetwork.Parse(n.Trim()))];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ValidatedOptions.Between($"{Section}:{nameof(MinFreeDiskMegabytes)}", MinFreeDiskMegabytes, 0, 10_000_000) is { } disk)
        {
            yield return disk;
        }
        if (ValidatedOptions.Between($"{Section}:{nameof(HealthCheckTimeoutSeconds)}", HealthCheckTimeoutSeconds, 1, 60) is { } timeout)
        {
            yield return timeout;
        }
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"{Section}:{nameof(OtlpEndpoint)} must be an http(s) URL such as http://otel-collector:4317 (it is '{OtlpEndpoint}').");
        }
        if (!string.IsNullOrWhiteSpace(OtlpProtocol) && OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            yield return new ValidationResult($"{Section}:{nameof(OtlpProtocol)} must be 'grpc' or 'http/protobuf' (it is '{OtlpProtocol}').");
        }
        foreach (var network in PrometheusAllowedNetworks)
        {
            if (!IPNetwork.TryParse(network?.Trim(), out _))
            {
                yield return new ValidationResult($"{Section}:{nameof(PrometheusAllowedNetworks)} has '{network}', which is not a network in CIDR notation such as 10.42.0.0/16.");
            }
        }
    }
}

/// <summary>Checks <see cref="ObservabilityOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>;
