using System.Text.RegularExpressions;
using AngleSharp.Css.Parser;

namespace AdWatch.Sites;

/// <summary>Semantic checks on a deserialized definition; errors carry a dotted field path, the loader adds lines.</summary>
internal static partial class SiteDefinitionValidator
{
    private static readonly CssSelectorParser Css = new();

    public static IEnumerable<SiteDefinitionError> Validate(SiteDefinition s)
    {
        var errors = new List<SiteDefinitionError>();
        void Fail(string field, string message) => errors.Add(new SiteDefinitionError(0, field, message));

        if (!NamePattern().IsMatch(s.Name))
        {
            Fail("name", "required; lower-case letters, digits and dashes (e.g. 'demo-html').");
        }
        var isImport = s.Fetch.Mode == FetchMode.Import;
        if (!isImport && (!Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != "http" && baseUri.Scheme != "https")))
        {
            Fail("baseUrl", "required; an absolute http(s) URL such as 'https://example.org/'.");
        }
        for (var i = 0; i < s.AllowedHosts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(s.AllowedHosts[i]) || s.AllowedHosts[i].Contains('/', StringComparison.Ordinal))
            {
                Fail($"allowedHosts[{i}]", "a host name such as 'www.example.org' or '*.example.org', without scheme or path.");
            }
        }
        for (var i = 0; i < s.TitleBoilerplate.Count; i++)
        {
            var part = s.TitleBoilerplate[i];
            if (string.IsNullOrWhiteSpace(part) || part.Trim().Length < 2 || part.Length > 100)
            {
                Fail($"titleBoilerplate[{i}]", "the site's name or a fixed part of its ad titles, 2 to 100 characters (e.g. 'Kontaktbord').");
            }
            else if (s.TitleBoilerplate.Take(i).Any(p => string.Equals(p?.Trim(), part.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                Fail($"titleBoilerplate[{i}]", $"'{part}' is listed twice.");
            }
        }
        if (!string.IsNullOrWhiteSpace(s.Schedule.Cron) && !CronPattern().IsMatch(s.Schedule.Cron.Trim()))
        {
            Fail("schedule.cron", "five cron fields (minute hour day month weekday), e.g. '0 6 * * *'.");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(s.Schedule.TimeZone, out _))
        {
            Fail("schedule.timeZone", $"unknown time zone '{s.Schedule.TimeZone}'; use an IANA name such as 'Europe/Amsterdam'.");
        }
        foreach (var (name, value) in s.Fetch.Headers)
        {
            if (!TokenPattern().IsMatch(name ?? ""))
            {
                Fail($"fetch.headers.{name}", "a header name is letters, digits and - (e.g. 'X-Requested-With').");
            }
            else if (OwnedHeaders.Contains(name!))
            {
                Fail($"fetch.headers.{name}", name!.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)
                    ? "set the User-Agent with fetch.userAgent."
                    : name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
                        ? "set cookies with fetch.cookies."
                        : $"the fetcher sets {name} itself; it cannot be declared.");
            }
            else if (value is null || value.AsSpan().ContainsAnyInRange('\0', '\u001F') || value.Contains('\u007F'))
            {
                Fail($"fetch.headers.{name}", "a header value is one line of text without control characters.");
            }
        }
        foreach (var (name, value) in s.Fetch.Cookies)
        {
            if (!TokenPattern().IsMatch(name ?? ""))
            {
                Fail($"fetch.cookies.{name}", "a cookie name is letters, digits and -_. (e.g. 'voorwaarden').");
            }
            else if (value is null || !CookieValuePattern().IsMatch(value))
            {
                Fail($"fetch.cookies.{name}", "a cookie value has no spaces, quotes, commas, semicolons or backslashes (e.g. 'akkoord').");
            }
        }
        if (s.Fetch.Mode != FetchMode.Http && (s.Fetch.Headers.Count > 0 || s.Fetch.Cookies.Count > 0 || s.Fetch.KeepCookies))
        {
            Fail("fetch", "headers, cookies and keepCookies apply to fetch.mode 'http' only.");
        }
        Selector(s.Fetch.WaitForSelector, "fetch.waitForSelector", Fail);
        Selector(s.Fetch.AgeGateClick, "fetch.ageGateClick", Fail);

        if (!isImport)
        {
            if (s.Listing.StartUrls.Count == 0)
            {
                Fail("listing.startUrls", "at least one listing URL is required.");
            }
            if (s.Listing.AdLinkSelector is null && s.Listing.AdUrlPattern is null && s.Listing.Json is null)
            {
                Fail("listing", "set adLinkSelector or adUrlPattern (or both) to find ad links, or json for a JSON listing.");
            }
        }
        if (s.Listing.NextPageSelector is not null && s.Listing.PageUrlTemplate is not null)
        {
            Fail("listing.pageUrlTemplate", "use either nextPageSelector or pageUrlTemplate, not both.");
        }
        if (s.Listing.PageUrlTemplate is not null && !s.Listing.PageUrlTemplate.Contains("{page}", StringComparison.Ordinal))
        {
            Fail("listing.pageUrlTemplate", "must contain '{page}'.");
        }
        Range(s.Listing.MaxPages, 1, 10_000, "listing.maxPages", Fail);
        Selector(s.Listing.NextPageSelector, "listing.nextPageSelector", Fail);
        Selector(s.Listing.AdLinkSelector, "listing.adLinkSelector", Fail);
        Selector(s.Listing.CardSelector, "listing.cardSelector", Fail);
        Selector(s.Listing.CardIgnore, "listing.cardIgnore", Fail);
        Range(s.Listing.ReverifyDays, 0, 365, "listing.reverifyDays", Fail);
        Regex(s.Listing.AdUrlPattern, "listing.adUrlPattern", 0, Fail);
        Regex(s.Ad.IdFromUrl, "ad.idFromUrl", 1, Fail);
        FieldSelector(s.Ad.IdSelector, "ad.idSelector", Fail);
        foreach (var (field, selector) in s.Ad.Fields.Configured())
        {
            FieldSelector(selector, $"ad.fields.{field}", Fail);
        }
        foreach (var (name, selector) in s.Ad.Extras)
        {
            if (!ExtraNamePattern().IsMatch(name ?? ""))
            {
                Fail($"ad.extras.{name}", "an extra's name is a letter, then letters, digits or _ (e.g. 'age', 'workArea'), at most 40.");
            }
            else if (string.IsNullOrWhiteSpace(selector))
            {
                Fail($"ad.extras.{name}", "needs a field selector, e.g. 'label:Leeftijd'.");
            }
            else
            {
                FieldSelector(selector, $"ad.extras.{name}", Fail);
            }
        }
        BrowserRules.Validate(s, Fail);
        foreach (var (name, d) in new[] { ("blocked", s.Detectors.Blocked), ("expired", s.Detectors.Expired), ("emptyListing", s.Detectors.EmptyListing) })
        {
            Selector(d.Selector, $"detectors.{name}.selector", Fail);
            Regex(d.Regex, $"detectors.{name}.regex", 0, Fail);
        }
        Range(s.Politeness.DelayMs, 0, 600_000, "politeness.delayMs", Fail);
        Range(s.Politeness.ConcurrencyPerHost, 1, 16, "politeness.concurrencyPerHost", Fail);
        if (!s.Robots.Obey && string.IsNullOrWhiteSpace(s.Robots.Reason))
        {
            Fail("robots.reason", "required when robots.obey is false: say why this site may be crawled against its robots.txt.");
        }
        Range(s.Limits.TimeoutSeconds, 1, 600, "limits.timeoutSeconds", Fail);
        if (s.Limits.MaxBodyBytes is < 1024 or > 200_000_000)
        {
            Fail("limits.maxBodyBytes", "must be between 1024 and 200000000.");
        }
        Range(s.Limits.MaxRedirects, 0, 20, "limits.maxRedirects", Fail);
        if (s.Health.MinShareOfMedian is < 0 or > 1)
        {
            Fail("health.minShareOfMedian", "must be between 0 and 1.");
        }
        if (s.Health.MinFieldCoverage is < 0 or > 1)
        {
            Fail("health.minFieldCoverage", "must be between 0 and 1.");
        }
        Range(s.Health.GoneAfterRuns, 1, 100, "health.goneAfterRuns", Fail);
        Range(s.Health.MedianWindow, 1, 100, "health.medianWindow", Fail);
        return errors;
    }

    internal static void Range(long value, long min, long max, string field, Action<string, string> fail)
    {
        if (value < min || value > max)
        {
            fail(field, $"must be between {min} and {max} (was {value}).");
        }
    }

    internal static void Selector(string? selector, string field, Action<string, string> fail)
    {
        if (selector is not null && (string.IsNullOrWhiteSpace(selector) || Css.ParseSelector(selector) is null))
        {
            fail(field, $"'{selector}' is not a valid CSS selector.");
        }
    }

    private static void FieldSelector(string? selector, string field, Action<string, string> fail)
    {
        if (selector is null)
        {
            return;
        }
        foreach (var alternative in FieldSelectors.Alternatives(selector).DefaultIfEmpty(""))
        {
            if (SelectorAlternative.Parse(alternative, out var error) is null)
            {
                fail(field, $"'{alternative}': {error} Write 'css', 'css@attribute', 'label:…', 'json:$.…', 'json#id:$.…' or "
                    + "'capture:NAME[:$.…]', each optionally ending with ' ~ REGEX', alternatives joined by ' | '.");
            }
        }
    }

    internal static void Regex(string? pattern, string field, int minGroups, Action<string, string> fail)
    {
        if (pattern is null)
        {
            return;
        }
        try
        {
            var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            if (regex.GetGroupNumbers().Length - 1 < minGroups)
            {
                fail(field, "needs a capture group ( ... ) around the id.");
            }
        }
        catch (ArgumentException ex)
        {
            fail(field, $"invalid regex: {ex.Message}");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex ExtraNamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex NamePattern();

    /// <summary>Headers the fetcher writes itself.</summary>
    private static readonly HashSet<string> OwnedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Cookie", "User-Agent", "Content-Length", "Transfer-Encoding", "Connection", "Accept-Encoding", "If-None-Match",
        "If-Modified-Since", "Range", "Upgrade", "TE", "Trailer", "Proxy-Authorization", "Keep-Alive",
    };

    // RFC 9110 token characters (tchar).
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex TokenPattern();

    // RFC 6265 cookie-octet: printable ASCII without space, DQUOTE, comma, semicolon and backslash.
    [GeneratedRegex(@"^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$")]
    private static partial Regex CookieValuePattern();

    [GeneratedRegex(@"^[\d*/,\-A-Za-z?]+( [\d*/,\-A-Za-z?]+){4}$")]
    private static partial Regex CronPattern();
}
