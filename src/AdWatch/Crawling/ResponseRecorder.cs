using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AdWatch.Sites;
using Microsoft.Playwright;

namespace AdWatch.Crawling;

/// <summary>
/// Keeps the responses of one browser page whose URL matches a <c>fetch.capture</c> rule, from the moment it is attached
/// until it is disposed (the page's lifetime for one fetch). Only the site's allowed hosts ever answer (the route filter
/// aborts the rest), and the host is checked again here. A body larger than <c>limits.maxBodyBytes</c> is kept as a marker
/// without its body. <see cref="AppendTo"/> writes them as inert <c>&lt;template data-adwatch-capture&gt;</c> elements at the end of
/// the page's body, so the stored page holds the whole evidence.
/// </summary>
internal sealed class ResponseRecorder : IDisposable
{
    private readonly IPage _page;
    private readonly SiteDefinition _site;
    private readonly (string Name, Regex Pattern)[] _rules;
    private readonly ConcurrentDictionary<int, Captured> _done = new();
    private readonly ConcurrentBag<Task> _pending = [];
    private int _next;

    private sealed record Captured(string Name, string Url, string? ContentType, string? Body);

    public ResponseRecorder(IPage page, SiteDefinition site)
    {
        _page = page;
        _site = site;
        _rules = [.. site.Fetch.Capture.Select(c => (c.Name, new Regex(c.UrlPattern, RegexOptions.CultureInvariant, SelectorAlternative.RegexTimeout)))];
        if (_rules.Length > 0)
        {
            page.Response += OnResponse;
        }
    }

    /// <summary>Matching responses seen so far (bodies may still be arriving).</summary>
    public int Count => Volatile.Read(ref _next);

    private void OnResponse(object? sender, IResponse response)
    {
        if (!Uri.TryCreate(response.Url, UriKind.Absolute, out var url) || !_site.IsAllowedHost(url))
        {
            return;
        }
        var name = _rules.FirstOrDefault(r => IsMatch(r.Pattern, response.Url)).Name;
        if (name is null)
        {
            return;
        }
        var index = Interlocked.Increment(ref _next);
        _pending.Add(ReadAsync(index, name, response));
    }

    private async Task ReadAsync(int index, string name, IResponse response)
    {
        string? body = null;
        string? type = null;
        try
        {
            type = await response.HeaderValueAsync("content-type");
            var length = await response.HeaderValueAsync("content-length");
            if (!(long.TryParse(length, out var declared) && declared > _site.Limits.MaxBodyBytes))
            {
                var bytes = await response.BodyAsync();
                body = bytes.LongLength > _site.Limits.MaxBodyBytes ? null : Encoding.UTF8.GetString(bytes);
            }
        }
        catch (PlaywrightException)
        {
            // a redirect, an aborted or a closed page's response has no body: kept as a marker
        }
        _done[index] = new Captured(name, response.Url, type, body);
    }

    /// <summary>Waits (bounded) for the bodies still arriving.</summary>
    public async Task SettleAsync(TimeSpan limit)
    {
        var all = Task.WhenAll(_pending.ToArray());
        await Task.WhenAny(all, Task.Delay(limit));
    }

    /// <summary>The page HTML with the captures appended at the end of its body, in arrival order.</summary>
    public string AppendTo(string html)
    {
        if (_done.IsEmpty)
        {
            return html;
        }
        var templates = new StringBuilder();
        foreach (var (_, c) in _done.OrderBy(p => p.Key))
        {
            templates.Append("<template data-adwatch-capture=\"").Append(WebUtility.HtmlEncode(c.Name))
                .Append("\" data-url=\"").Append(WebUtility.HtmlEncode(c.Url)).Append('"');
            if (c.ContentType is not null)
            {
                templates.Append(" data-content-type=\"").Append(WebUtility.HtmlEncode(c.ContentType)).Append('"');
            }
            if (c.Body is null)
            {
                templates.Append(" data-no-body=\"true\"");
            }
            templates.Append('>').Append(WebUtility.HtmlEncode(c.Body ?? "")).Append("</template>\n");
        }
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + templates : html.Insert(end, templates.ToString());
    }

    private static bool IsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_rules.Length > 0)
        {
            _page.Response -= OnResponse;
        }
    }
}
