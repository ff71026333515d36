using AdWatch.Analysis;
using AdWatch.Browser;
using AdWatch.Crawling;
using AdWatch.Exports;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Jobs;
using AdWatch.Privacy;
using AdWatch.Sites;
using AdWatch.Storage;
using AdWatch.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdWatch.Tests.Configuration;

/// <summary>
/// A bad setting is refused at start with a message that names it as the user writes it in adwatch.json. Goes through
/// <see cref="ValidatedOptions.AddValidatedOptions"/> and the generated validators, as the application does.
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Jobs:WorkerCount", "0", "Jobs:WorkerCount must be between 1 and 64 (it is 0)." },
        { "Jobs:PollInterval", "00:00:00.001", "Jobs:PollInterval must be between" },
        { "Jobs:TimeZone", " ", "Jobs:TimeZone must not be empty" },
        { "Crawling:BatchSize", "5000", "Crawling:BatchSize must be between 1 and 1000 (it is 5000)." },
        { "Crawling:UserAgent", "", "Crawling:UserAgent must not be empty" },
        { "Crawling:RobotsProductToken", " ", "Crawling:RobotsProductToken must not be empty" },
        { "Crawling:CrawlersPath", " ", "Crawling:CrawlersPath must not be empty" },
        { "Retention:AdDays", "1", "Retention:AdDays must be between 7 and 3650 (it is 1)." },
        { "Retention:Cron", "every night", "Retention:Cron must have five fields" },
        { "Storage:Provider", "mysql", "Storage:Provider must be 'sqlite' or 'postgres' (it is 'mysql')." },
        { "Browser:RecycleAfterPages", "0", "Browser:RecycleAfterPages must be between 1 and 100000." },
        { "Exports:MaxAttempts", "0", "Exports:MaxAttempts must be between 1 and 50." },
        { "Region:MunicipalityCodes:0", "Harderwijk", "Region:MunicipalityCodes contains 'Harderwijk'" },
        { "Geocoding:RequestsPerSecond", "500", "Geocoding:RequestsPerSecond must be between 0.1 and 50." },
        { "Extraction:MaxImagePixels", "1", "Extraction:MaxImagePixels must be between" },
        { "Analysis:RulesFile", " ", "Analysis:RulesFile must name a file" },
        { "Analysis:RulesFile", "no-such-dir/analysis.yaml", "Analysis:RulesFile names " },
        { "Dashboard:LockoutMinutes", "0", "Dashboard:LockoutMinutes must be between 1 and 1440." },
        { "Dashboard:SignInAttemptsPerMinute", "0", "Dashboard:SignInAttemptsPerMinute must be between 1 and 10000." },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void ABadSetting_IsRefused_WithAMessageNamingIt(string key, string value, string message)
    {
        var problem = Should.Throw<OptionsValidationException>(() => Resolve(key, value));

        problem.Failures.ShouldHaveSingleItem().ShouldStartWith(message, Case.Sensitive);
    }

    [Fact]
    public void TheDefaults_AreValid()
    {
        foreach (var row in BadSettings)
        {
            var key = row.Data.Item1;
            Should.NotThrow(() => Resolve(key, value: null));
        }
    }

    /// <summary>Binds one setting and reads the options its section belongs to, which runs the validator.</summary>
    private static void Resolve(string key, string? value)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(value is null ? [] : [new KeyValuePair<string, string?>(key, value)])
            .Build();
        var services = new ServiceCollection()
            .AddValidatedOptions<JobsOptions, JobsOptionsValidator>(config, JobsOptions.Section).Services
            .AddValidatedOptions<CrawlingOptions, CrawlingOptionsValidator>(config, CrawlingOptions.Section).Services
            .AddValidatedOptions<SitesOptions, SitesOptionsValidator>(config, SitesOptions.Section).Services
            .AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(config, RetentionOptions.Section).Services
            .AddValidatedOptions<StorageOptions, StorageOptionsValidator>(config, StorageOptions.Section).Services
            .AddValidatedOptions<BrowserOptions, BrowserOptionsValidator>(config, BrowserOptions.Section).Services
            .AddValidatedOptions<ExportsOptions, ExportsOptionsValidator>(config, ExportsOptions.Section).Services
            .AddValidatedOptions<RegionOptions, RegionOptionsValidator>(config, RegionOptions.Section).Services
            .AddValidatedOptions<GeocodingOptions, GeocodingOptionsValidator>(config, GeocodingOptions.Section).Services
            .AddValidatedOptions<ExtractionOptions, ExtractionOptionsValidator>(config, ExtractionOptions.Section).Services
            .AddValidatedOptions<AnalysisFileOptions, AnalysisFileOptionsValidator>(config, AnalysisFileOptions.Section).Services
            .AddValidatedOptions<WebOptions, WebOptionsValidator>(config, WebOptions.Section).Services
            .BuildServiceProvider();
        _ = key.Split(':')[0] switch
        {
            "Jobs" => (object)services.GetRequiredService<IOptions<JobsOptions>>().Value,
            "Crawling" when key == "Crawling:CrawlersPath" => services.GetRequiredService<IOptions<SitesOptions>>().Value,
            "Crawling" => services.GetRequiredService<IOptions<CrawlingOptions>>().Value,
            "Retention" => services.GetRequiredService<IOptions<RetentionOptions>>().Value,
            "Storage" => services.GetRequiredService<IOptions<StorageOptions>>().Value,
            "Browser" => services.GetRequiredService<IOptions<BrowserOptions>>().Value,
            "Exports" => services.GetRequiredService<IOptions<ExportsOptions>>().Value,
            "Region" => services.GetRequiredService<IOptions<RegionOptions>>().Value,
            "Geocoding" => services.GetRequiredService<IOptions<GeocodingOptions>>().Value,
            "Extraction" => services.GetRequiredService<IOptions<ExtractionOptions>>().Value,
            "Analysis" => services.GetRequiredService<IOptions<AnalysisFileOptions>>().Value,
            "Dashboard" => services.GetRequiredService<IOptions<WebOptions>>().Value,
            var section => throw new ArgumentException($"no options for section {section}"),
        };
    }
}
