using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Sites;

namespace AdWatch.Evidence;

/// <summary>
/// <c>adwatch import FILE</c>: archived captures (<c>.warc</c>, <c>.warc.gz</c>, <c>.jsonl</c>) through the same parse and
/// store step as a crawl. HTML is read with the site's definition when there is one, else generically; an unknown site
/// becomes an import-only site. Every write is keyed, so importing a file twice changes nothing. A bad line or record is
/// reported with its number (and byte offset) and skipped; the file is streamed, and a page is held to the same body
/// budget as a crawl of its site (<see cref="LimitsRule.MaxBodyBytes"/>), so a hostile file can neither exhaust memory
/// nor stop the good records after a bad one.
/// </summary>
public sealed partial class AdImporter(SiteCatalog catalog, SiteStore sites, AdStore ads, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An observation this far after now is a clock or file error, and would never be purged.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>Room for the HTTP status line and headers in a WARC block, on top of the body budget.</summary>
    private const long HttpHeaderBudget = 64 * 1024;

    /// <summary>At most this many problems are kept for the report; the count is always exact.</summary>
    public const int MaxProblemsKept = 100;

    public Task<ImportResult> ImportAsync(string path, CancellationToken ct) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? ImportJsonLinesAsync(path, ct)
            : path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)
                ? ImportWarcAsync(path, ct)
                : throw new ArgumentException($"{path}: expected a .jsonl, .warc or .warc.gz file.", nameof(path));

    /// <summary>
    /// The longest JSONL line read: the largest body budget of any site, doubled for JSON escaping, plus room for the
    /// other fields. Each line's page is then held to its own site's budget.
    /// </summary>
    private long MaxLineBytes => (catalog.All.Select(s => s.Limits.MaxBodyBytes).DefaultIfEmpty(0).Max() is var max && max > 0 ? max : new LimitsRule().MaxBodyBytes) * 2 + HttpHeaderBudget;

    private async Task<ImportResult> ImportJsonLinesAsync(string path, CancellationToken ct)
    {
        var tally = new Tally();
        var number = 0;
        var maxLine = MaxLineBytes;
        await using var file = File.OpenRead(path);
        var reader = new BoundedLineReader(file, maxLine);
        while (reader.Next() is var (line, bytes))
        {
            number++;
            if (line is not null && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            tally.Read++;
            if (line is null)
            {
                tally.Skip($"line {number}: {bytes} bytes, longer than the limit of {maxLine} bytes; skipped unread.");
                continue;
            }
            ImportLine? item;
            try
            {
                item = JsonSerializer.Deserialize<ImportLine>(line, Json);
            }
            catch (JsonException ex)
            {
                tally.Skip($"line {number}: {JsonProblem(ex)}");
                continue;
            }
            var problem = item is null ? "empty line" : Check(item);
            if (problem is not null)
            {
                tally.Skip($"line {number}: {problem}");
                continue;
            }
            var url = new Uri(item!.Url!);
            var site = catalog.Find(item.Site!) ?? SiteDefinition.Generic(item.Site!);
            var body = Encoding.UTF8.GetBytes(item.Html ?? item.Text!);
            if (body.LongLength > site.Limits.MaxBodyBytes)
            {
                tally.Skip($"line {number}: page of {body.LongLength} bytes is larger than site '{site.Name}' allows (Limits.MaxBodyBytes = {site.Limits.MaxBodyBytes}); skipped.");
                continue;
            }
            await StoreAsync(site.Name, url, item.ObservedAt!.Value, body, item.Html is not null, "text/html; charset=utf-8", tally, $"line {number}", ct);
        }
        return tally.Result();
    }

    private async Task<ImportResult> ImportWarcAsync(string path, CancellationToken ct)
    {
        var tally = new Tally();
        foreach (var entry in WarcReader.Scan(path, headers => SiteFor(headers.GetValueOrDefault("WARC-Target-URI")).Limits.MaxBodyBytes + HttpHeaderBudget))
        {
            if (entry.Record is not { } record)
            {
                tally.Read++;
                tally.Skip(entry.Problem!);
                continue;
            }
            if (record.Type is not ("response" or "revisit"))
            {
                continue; // warcinfo, request, metadata: nothing to store
            }
            tally.Read++;
            var where = $"record {entry.Number} at byte {entry.Offset}";
            if (!Uri.TryCreate(record.TargetUri?.Trim('<', '>'), UriKind.Absolute, out var url)
                || !DateTimeOffset.TryParse(record.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                tally.Skip($"{where}: missing WARC-Target-URI or WARC-Date.");
                continue;
            }
            if (FutureProblem(at) is { } future)
            {
                tally.Skip($"{where}: WARC-Date {future}");
                continue;
            }
            var site = SiteFor(url.AbsoluteUri);
            if (record.Type == "revisit")
            {
                await RevisitAsync(record, site, url, at, where, tally, ct);
                continue;
            }
            HttpResponseBlock http;
            try
            {
                http = HttpResponseBlock.Parse(record.Block, site.Limits.MaxBodyBytes);
            }
            catch (Exception ex) when (ex is FormatException or InvalidDataException or BodyTooLargeException)
            {
                tally.Skip($"{where}: {ex.Message}");
                continue;
            }
            if (http.Status != 200)
            {
                tally.Skip($"{where}: HTTP {http.Status} for {url}, not an ad page.");
                continue;
            }
            if (http.Body.LongLength > site.Limits.MaxBodyBytes)
            {
                tally.Skip($"{where}: body of {http.Body.LongLength} bytes is larger than site '{site.Name}' allows (Limits.MaxBodyBytes = {site.Limits.MaxBodyBytes}); skipped.");
                continue;
            }
            await StoreAsync(site.Name, url, at, http.Body, html: true, http.ContentType, tally, where, ct);
        }
        return tally.Result();
    }

    /// <summary>
    /// A revisit record (an unchanged page seen again, as <see cref="WarcExporter"/> writes them) is an observation of the
    /// version its earlier response holds, so an export → import round trip keeps every sighting.
    /// </summary>
    private async Task RevisitAsync(WarcRecord record, SiteDefinition site, Uri url, DateTimeOffset at, string where, Tally tally, CancellationToken ct)
    {
        var refersToUri = Uri.TryCreate(record.Headers.GetValueOrDefault("WARC-Refers-To-Target-URI")?.Trim('<', '>'), UriKind.Absolute, out var r) ? r : url;
        DateTimeOffset? refersToDate = DateTimeOffset.TryParse(record.Headers.GetValueOrDefault("WARC-Refers-To-Date"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        var siteId = await sites.EnsureAsync(site, importOnly: catalog.Find(site.Name) is null, ct);
        var result = await ads.RecordRevisitAsync(siteId, url.AbsoluteUri, refersToUri.AbsoluteUri, refersToDate ?? at, at, "import", ct);
        if (result is null)
        {
            tally.Skip($"{where}: revisit of {url} refers to a capture at {(refersToDate ?? at).ToString("O", CultureInfo.InvariantCulture)} that is neither earlier in the file nor stored; skipped.");
            return;
        }
        tally.Count(result.Change);
    }

    /// <summary>The site a WARC page belongs to: the configured site whose hosts include the URL's, else an import-only one.</summary>
    private SiteDefinition SiteFor(string? targetUri)
    {
        if (!Uri.TryCreate(targetUri?.Trim('<', '>'), UriKind.Absolute, out var url))
        {
            return SiteDefinition.Generic("import");
        }
        // Several sites may share a host (the local demo sites all run on 127.0.0.1): the one whose base URL has the record's
        // host and port comes first, so a record is read with its own site's selectors.
        return catalog.All.Where(s => s.Fetch.Mode != FetchMode.Import && s.IsAllowedHost(url))
                   .OrderByDescending(s => Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out var b) && b.Port == url.Port
                                           && string.Equals(b.Host, url.Host, StringComparison.OrdinalIgnoreCase))
                   .FirstOrDefault()
               ?? SiteDefinition.Generic(ImportSiteName(url));
    }

    private async Task StoreAsync(string siteName, Uri url, DateTimeOffset observedAt, byte[] raw, bool html, string? contentType, Tally tally,
        string where, CancellationToken ct)
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
        if (fields.IsEmpty)
        {
            // As a crawl refuses it: an empty version would replace what the ad said.
            tally.Skip($"{where}: no ad field (title, text, location, phone, date, images) found on the page with site '{site.Name}''s selectors; skipped.");
            return;
        }
        var result = await ads.RecordAsync(new AdCapture(siteId, id, url.AbsoluteUri, fields, observedAt, "import", null, raw, contentType, 200), ct);
        tally.Count(result.Change);
    }

    private string? Check(ImportLine l)
    {
        if (string.IsNullOrWhiteSpace(l.Site))
        {
            return "'site' is required.";
        }
        if (!SiteName().IsMatch(l.Site))
        {
            return $"'site' must be a lower-case name of letters, digits and '-' (at most 63, e.g. 'kontaktbord'), not '{Excerpt(l.Site)}'; skipped.";
        }
        if (!Uri.TryCreate(l.Url, UriKind.Absolute, out var url) || (url.Scheme != "http" && url.Scheme != "https"))
        {
            return "'url' must be an absolute http(s) URL.";
        }
        if (catalog.Find(l.Site) is { } site && !site.IsAllowedHost(url))
        {
            return $"'url' host '{url.Host}' is not one of site '{site.Name}''s hosts (its baseUrl and allowedHosts); skipped.";
        }
        if (l.ObservedAt is null)
        {
            return "'observedAt' is required (ISO-8601, e.g. 2023-03-01T10:15:00Z).";
        }
        if (FutureProblem(l.ObservedAt.Value) is { } future)
        {
            return $"'observedAt' {future}";
        }
        return (l.Html is null) == (l.Text is null) ? "give exactly one of 'html' or 'text'." : null;
    }

    private string? FutureProblem(DateTimeOffset at)
    {
        var latest = time.GetUtcNow() + FutureTolerance;
        return at > latest
            ? $"{at.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)} is in the future (later than {latest.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)}); skipped."
            : null;
    }

    /// <summary>A type error names the field (from <see cref="JsonException.Path"/>); a syntax error says where it stopped.</summary>
    private static string JsonProblem(JsonException ex)
    {
        var field = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (ex.InnerException is JsonException || field is null)
        {
            return $"not valid JSON ({ex.Message.Split('.')[0]}{(field is null ? "" : $", at '{field}'")}).";
        }
        var expected = field.Equals("observedAt", StringComparison.OrdinalIgnoreCase) ? "an ISO-8601 date-time, e.g. 2023-03-01T10:15:00Z" : "a string";
        return $"'{field}' has the wrong type or format (expected {expected}).";
    }

    private static string Excerpt(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>A site name for pages of an unknown host, e.g. <c>www.example.org</c> → <c>www-example-org</c>.</summary>
    private static string ImportSiteName(Uri url)
    {
        var name = new string([.. url.Host.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return name.Length == 0 ? "import" : name.Length > 63 ? name[..63].TrimEnd('-') : name;
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex SiteName();

    private sealed class Tally
    {
        private readonly List<string> _problems = [];
        private int _new, _changed, _unchanged, _skipped;

        public int Read { get; set; }

        public void Skip(string problem)
        {
            _skipped++;
            if (_problems.Count < MaxProblemsKept)
            {
                _problems.Add(problem);
            }
        }

        public void Count(AdChange change)
        {
            _ = change switch { AdChange.New => _new++, AdChange.Changed => _changed++, _ => _unchanged++ };
        }

        public ImportResult Result() => new(Read, _new + _changed + _unchanged, _new, _changed, _unchanged, _skipped, _problems);
    }
}
