using AdWatch.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Observability;

/// <summary>
/// Ready only while the disk of the data folder (SQLite file, evidence, photos, dashboard keys) has more free space than
/// <see cref="ObservabilityOptions.MinFreeDiskMegabytes"/>: a crawl that cannot store its evidence must stop being scheduled
/// here before it fails halfway.
/// </summary>
internal sealed class DiskSpaceHealthCheck(IOptions<ObservabilityOptions> options, IOptions<StorageOptions> storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = DataFolder(options.Value, storage.Value);
        var min = options.Value.MinFreeDiskMegabytes;
        try
        {
            // The nearest existing ancestor: on a fresh start the data folder may not exist yet, its disk does.
            var existing = new DirectoryInfo(folder);
            while (!existing.Exists && existing.Parent is not null)
            {
                existing = existing.Parent;
            }
            var freeMb = new DriveInfo(existing.FullName).AvailableFreeSpace / (1024 * 1024);
            var data = new Dictionary<string, object> { ["freeMegabytes"] = freeMb, ["minFreeMegabytes"] = min };
            return Task.FromResult(freeMb >= min
                ? HealthCheckResult.Healthy($"{freeMb} MB free on the data disk (minimum {min} MB).", data)
                : HealthCheckResult.Unhealthy($"Only {freeMb} MB free on the data disk, below Observability:MinFreeDiskMegabytes = {min}.", data: data));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Free space of the data disk unknown ({e.GetType().Name})."));
        }
    }

    /// <summary>Where the data lives, as <see cref="ObservabilityOptions.DataPath"/> describes.</summary>
    internal static string DataFolder(ObservabilityOptions options, StorageOptions storage) =>
        !string.IsNullOrWhiteSpace(options.DataPath) ? Path.GetFullPath(options.DataPath)
        : storage.IsPostgres ? Path.GetFullPath("data")
        : Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath)) ?? Path.GetFullPath("data");
}
