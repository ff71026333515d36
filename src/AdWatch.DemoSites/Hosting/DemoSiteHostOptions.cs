using System.ComponentModel.DataAnnotations;

namespace AdWatch.DemoSites.Hosting;

/// <summary>Settings of <see cref="DemoSiteHost"/>.</summary>
public sealed class DemoSiteHostOptions
{
    /// <summary>Loopback port of Kontaktbord; 0 (default) picks a free port.</summary>
    [Range(0, 65535)]
    public int KontaktbordPort { get; set; }

    /// <summary>Loopback port of Nachtlicht; 0 (default) picks a free port.</summary>
    [Range(0, 65535)]
    public int NachtlichtPort { get; set; }

    /// <summary>Loopback port of Lantaarn; 0 (default) picks a free port.</summary>
    [Range(0, 65535)]
    public int LantaarnPort { get; set; }

    /// <summary>Ads per Lantaarn API round ("Meer laden") and classic listing page; default 20.</summary>
    [Range(1, 1000)]
    public int LantaarnPageSize { get; set; } = 20;

    /// <summary>Seed of Lantaarn's per-session choice whether to show each consent modal; default 14.</summary>
    public int LantaarnConsentSeed { get; set; } = 14;

    /// <summary>
    /// Lantaarn's "Toon nummer" answers after 300–800 ms (per ad, real time, as a browser would see it); false makes it answer at
    /// once, for tests that do not measure it. Default true.
    /// </summary>
    public bool LantaarnRevealDelay { get; set; } = true;

    /// <summary>Ads per Kontaktbord listing page; default 20.</summary>
    [Range(1, 1000)]
    public int KontaktbordPageSize { get; set; } = 20;

    /// <summary>Ads per Nachtlicht API page; default 24.</summary>
    [Range(1, 1000)]
    public int NachtlichtPageSize { get; set; } = 24;

    /// <summary>Crawl-delay (seconds) announced in every robots.txt; default 1.</summary>
    [Range(0, 3600)]
    public int CrawlDelaySeconds { get; set; } = 1;

    /// <summary>Simulated day at start; null (default) means the scenario's start date.</summary>
    public DateOnly? InitialDate { get; set; }

    /// <summary>
    /// Clock for request-log timestamps, Retry-After HTTP-dates and <see cref="Faults.DemoFaults.ResponseDelay"/>;
    /// default <see cref="TimeProvider.System"/>. The simulated date is separate (<see cref="DemoSiteHost.SimulatedDate"/>).
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Throws naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
            throw new ValidationException($"Invalid DemoSiteHostOptions: {results[0].ErrorMessage}");
        if (KontaktbordPort != 0 && KontaktbordPort == NachtlichtPort)
            throw new ValidationException("Invalid DemoSiteHostOptions: KontaktbordPort and NachtlichtPort must differ.");
        if (LantaarnPort != 0 && (LantaarnPort == KontaktbordPort || LantaarnPort == NachtlichtPort))
            throw new ValidationException("Invalid DemoSiteHostOptions: LantaarnPort must differ from KontaktbordPort and NachtlichtPort.");
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
