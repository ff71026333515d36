using System.Globalization;
using System.Text;
using System.Text.Json;
using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Sites;

namespace AdWatch.Evidence;

/// <summary>
/// <c>adwatch import FILE</c>: archived captures (<c>.warc</c>, <c>.warc.gz</c>, <c>.jsonl</c>) through the same parse and
/// store step as a crawl. HTML is read with the site's definition when there is one, else generically; an unknown site
/// becomes an import-only site. Every write is keyed, so importing a file twice changes nothing. A bad line is
/// reported with its number and skipped.
/// </summary>
public sealed class AdImporter(SiteCatalog catalog, SiteStore sites, AdStore ads)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const long MaxBodyBytes = 20_000_000;

    public Task<ImportResult> ImportAsync(string path, CancellationToken ct) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ImportJsonLinesAsync(path, ct)
            : path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)
                ? ImportWarcAsync(path, ct)
                : throw new ArgumentException($"{path}: expected a .jsonl, .warc or .warc.gz file.", nameof(path));

    private async Task<ImportResult> ImportJsonLinesAsync(string path, CancellationToken ct)
    {
        var tally = new Tally();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            tally.Read++;
            ImportLine? item;
            try
            {
                item = JsonSerializer.Deserialize<ImportLine>(line, Json);
            }
            catch (JsonException ex)
            {
                tally.Skip($"line {number}: not valid JSON ({ex.Message.Split('.')[0]}).");
                continue;
            }
            var problem = item is null ? "empty line" : Check(item);
            if (problem is not null)
            {
                tally.Skip($"line {number}: {problem}");
                continue;
            }
            var body = item!.Html ?? item.Text!;
            await StoreAsync(item.Site!, new Uri(item.Url!), item.ObservedAt!.Value, Encoding.UTF8.GetBytes(body), item.Html is not null, "text/html; charset=utf-8", tally, ct);
        }
        return tally.Result();
    }

    private async Task<ImportResult> ImportWarcAsync(string path, CancellationToken ct)
    {
        var tally = new Tally();
        var number = 0;
        try
        {
            foreach (var record in WarcReader.Read(path))
            {
                number++;
                if (record.Type != "response")
                {
                    continue; // warcinfo, request, revisit, metadata: nothing new to store
                }
                tally.Read++;
                if (!Uri.TryCreate(record.TargetUri?.Trim('<', '>'), UriKind.Absolute, out var url)
                    || !DateTimeOffset.TryParse(record.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    tally.Skip($"record {number}: missing WARC-Target-URI or WARC-Date.");
                    continue;
                }
                HttpResponseBlock http;
                try
                {
                    http = HttpResponseBlock.Parse(record.Block, MaxBodyBytes);
                }
                catch (Exception ex) when (ex is FormatException or InvalidDataException or BodyTooLargeException)
                {
                    tally.Skip($"record {number}: {ex.Message}");
                    continue;
                }
                if (http.Status != 200)
                {
                    tally.Skip($"record {number}: HTTP {http.Status} for {url}, not an ad page.");
                    continue;
                }
                var site = catalog.All.FirstOrDefault(s => s.Fetch.Mode != FetchMode.Import && s.IsAllowedHost(url))?.Name ?? ImportSiteName(url);
                await StoreAsync(site, url, at, http.Body, html: true, http.ContentType, tally, ct);
            }
        }
        catch (FormatException ex)
        {
            tally.Skip(ex.Message + " The rest of the file was not read.");
        }
        return tally.Result();
    }

    private async Task StoreAsync(string siteName, Uri url, DateTimeOffset observedAt, byte[] raw, bool html, string? contentType, Tally tally, CancellationToken ct)
    {
        var known = catalog.Find(siteName);
        var site = known ?? SiteDefinition.Generic(siteName);
        var siteId = await sites.EnsureAsync(site, importOnly: known is null, ct);
        AdFields fields;
        string? id;
        if (html)
        {
            var page = PageReader.ReadAd(PageContent.From(raw, contentType), url, site);
            fields = page.Fields;
            id = (site.Ad.IdFromUrl is null ? page.ExternalId : PageReader.ExternalId(null, url, site)) ?? url.PathAndQuery;
        }
        else
        {
            fields = new AdFields(null, HtmlText.Collapse(Encoding.UTF8.GetString(raw)), null, null, null, []);
            id = PageReader.ExternalId(null, url, site) ?? url.PathAndQuery;
        }
        var result = await ads.RecordAsync(new AdCapture(siteId, id, url.AbsoluteUri, fields, observedAt, "import", null, raw, contentType, 200), ct);
        tally.Count(result.Change);
    }

    private static string? Check(ImportLine l)
    {
        if (string.IsNullOrWhiteSpace(l.Site))
        {
            return "'site' is required.";
        }
        if (!Uri.TryCreate(l.Url, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
        {
            return "'url' must be an absolute http(s) URL.";
        }
        if (l.ObservedAt is null)
        {
            return "'observedAt' is required (ISO-8601, e.g. 2023-03-01T10:15:00Z).";
        }
        return (l.Html is null) == (l.Text is null) ? "give exactly one of 'html' or 'text'." : null;
    }

    /// <summary>A site name for pages of an unknown host, e.g. <c>www.example.org</c> → <c>www-example-org</c>.</summary>
    private static string ImportSiteName(Uri url)
    {
        var name = new string([.. url.Host.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return name.Length == 0 ? "import" : name.Length > 63 ? name[..63] : name;
    }

    private sealed class Tally
    {
        private readonly List<string> _problems = [];
        private int _new, _changed, _unchanged;

        public int Read { get; set; }

        public void Skip(string problem) => _problems.Add(problem);

        public void Count(AdChange change)
        {
            _ = change switch { AdChange.New => _new++, AdChange.Changed => _changed++, _ => _unchanged++ };
        }

        public ImportResult Result() => new(Read, _new + _changed + _unchanged, _new, _changed, _unchanged, _problems.Count, _problems);
    }
}
