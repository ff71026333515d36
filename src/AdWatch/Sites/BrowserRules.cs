using System.Text.RegularExpressions;

namespace AdWatch.Sites;

/// <summary>
/// Validation of the browser-mode rules (<c>fetch.consent</c>, <c>fetch.capture</c>, <c>ad.actions</c>,
/// <c>listing.loadMore</c>) and of <c>listing.json</c>; each error names the field with its list index.
/// </summary>
internal static class BrowserRules
{
    public static void Validate(SiteDefinition s, Action<string, string> fail)
    {
        var browser = s.Fetch.Mode == FetchMode.Browser;
        if (!browser && (s.Fetch.Consent.Count > 0 || s.Fetch.Capture.Count > 0 || s.Ad.Actions.Count > 0 || s.Listing.LoadMore is not null))
        {
            fail(s.Fetch.Consent.Count > 0 ? "fetch.consent" : s.Fetch.Capture.Count > 0 ? "fetch.capture" : s.Ad.Actions.Count > 0 ? "ad.actions" : "listing.loadMore",
                "consent, capture, actions and loadMore apply to fetch.mode 'browser' only.");
        }
        for (var i = 0; i < s.Fetch.Consent.Count; i++)
        {
            var step = s.Fetch.Consent[i];
            Target(step.Selector, step.Text, $"fetch.consent[{i}]", fail);
            SiteDefinitionValidator.Range(step.AppearMs, 0, 30_000, $"fetch.consent[{i}].appearMs", fail);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.Fetch.Capture.Count; i++)
        {
            var capture = s.Fetch.Capture[i];
            if (!Regex.IsMatch(capture.Name ?? "", "^[A-Za-z0-9_-]{1,64}$"))
            {
                fail($"fetch.capture[{i}].name", "letters, digits, - and _ (e.g. 'reveal'); read it as 'capture:NAME'.");
            }
            else if (!names.Add(capture.Name!))
            {
                fail($"fetch.capture[{i}].name", $"'{capture.Name}' is used twice.");
            }
            if (string.IsNullOrWhiteSpace(capture.UrlPattern))
            {
                fail($"fetch.capture[{i}].urlPattern", "required: a regex on the response URL, e.g. '/api/ads/[^/]+/reveal'.");
            }
            else
            {
                SiteDefinitionValidator.Regex(capture.UrlPattern, $"fetch.capture[{i}].urlPattern", 0, fail);
            }
        }
        for (var i = 0; i < s.Ad.Actions.Count; i++)
        {
            Action(s.Ad.Actions[i], $"ad.actions[{i}]", fail);
        }
        if (s.Listing.LoadMore is { } more)
        {
            if ((more.Click is null) == !more.Scroll)
            {
                fail("listing.loadMore", "set either click (a 'load more' button) or scroll: true (infinite scroll).");
            }
            if (more.Click is not null)
            {
                Element(more.Click, "listing.loadMore.click", fail);
            }
            if (more.StopWhen is not null)
            {
                Element(more.StopWhen, "listing.loadMore.stopWhen", fail);
            }
            SiteDefinitionValidator.Range(more.MaxRounds, 1, 1000, "listing.loadMore.maxRounds", fail);
            SiteDefinitionValidator.Range(more.RoundWaitMs, 100, 60_000, "listing.loadMore.roundWaitMs", fail);
        }
        if (s.Listing.Json is { } json)
        {
            JsonPath(json.Items, "listing.json.items", required: true, fail);
            JsonPath(json.Url, "listing.json.url", required: false, fail);
            JsonPath(json.Id, "listing.json.id", required: false, fail);
            JsonPath(json.Next, "listing.json.next", required: false, fail);
            for (var i = 0; i < json.Ignore.Count; i++)
            {
                JsonPath(json.Ignore[i], $"listing.json.ignore[{i}]", required: true, fail);
            }
            if ((json.Url is null) == (json.UrlTemplate is null))
            {
                fail("listing.json", "set either url (a JSONPath to the ad URL) or urlTemplate with id.");
            }
            if (json.UrlTemplate is not null && (!json.UrlTemplate.Contains("{id}", StringComparison.Ordinal) || json.Id is null))
            {
                fail("listing.json.urlTemplate", "must contain '{id}', with listing.json.id the JSONPath of the id.");
            }
            if (json.Next is not null && (s.Listing.NextPageSelector is not null || s.Listing.PageUrlTemplate is not null))
            {
                fail("listing.json.next", "use json.next, nextPageSelector or pageUrlTemplate, only one.");
            }
            if (json.Capture is not null && !s.Fetch.Capture.Any(c => c.Name == json.Capture))
            {
                fail("listing.json.capture", $"'{json.Capture}' is not the name of a fetch.capture entry.");
            }
        }
        foreach (var (field, selector) in s.Ad.Fields.Configured().Concat(s.Ad.Extras.Select(p => ($"extras.{p.Key}", p.Value))))
        {
            foreach (var text in FieldSelectors.Alternatives(selector ?? ""))
            {
                if (SelectorAlternative.Parse(text, out _) is { Kind: SelectorKind.Capture, CaptureName: { } name } && !s.Fetch.Capture.Any(c => c.Name == name))
                {
                    fail(field.StartsWith("extras.", StringComparison.Ordinal) ? $"ad.{field}" : $"ad.fields.{field}",
                        $"'{text}' reads capture '{name}', which fetch.capture does not define.");
                }
            }
        }
    }

    private static void Action(BrowserAction a, string field, Action<string, string> fail)
    {
        var set = new[] { a.Click is not null, a.WaitFor is not null, a.Fill is not null, a.Scroll is not null }.Count(x => x);
        if (set != 1)
        {
            fail(field, "each step is exactly one of click, waitFor, fill or scroll.");
            return;
        }
        if (a.Click is not null)
        {
            Element(a.Click, $"{field}.click", fail);
        }
        if (a.WaitFor is { } wait)
        {
            var targets = new[] { wait.Selector is not null, wait.Text is not null, wait.NetworkIdle }.Count(x => x);
            if (targets != 1)
            {
                fail($"{field}.waitFor", "set exactly one of selector, text or networkIdle: true.");
            }
            else if (!wait.NetworkIdle)
            {
                Element(wait, $"{field}.waitFor", fail); // checks timeoutMs too
            }
            else
            {
                SiteDefinitionValidator.Range(wait.TimeoutMs, 1, 120_000, $"{field}.waitFor.timeoutMs", fail);
            }
        }
        if (a.Fill is { } f)
        {
            if (string.IsNullOrWhiteSpace(f.Selector))
            {
                fail($"{field}.fill.selector", "required: the CSS selector of the input.");
            }
            SiteDefinitionValidator.Selector(f.Selector, $"{field}.fill.selector", fail);
            SiteDefinitionValidator.Range(f.TimeoutMs, 1, 120_000, $"{field}.fill.timeoutMs", fail);
        }
        if (a.Scroll is { } scroll)
        {
            SiteDefinitionValidator.Range(scroll.Times, 1, 100, $"{field}.scroll.times", fail);
            SiteDefinitionValidator.Range(scroll.PauseMs, 0, 10_000, $"{field}.scroll.pauseMs", fail);
        }
    }

    private static void Element(ElementTarget t, string field, Action<string, string> fail)
    {
        Target(t.Selector, t.Text, field, fail);
        SiteDefinitionValidator.Range(t.TimeoutMs, 1, 120_000, $"{field}.timeoutMs", fail);
    }

    private static void Target(string? selector, string? text, string field, Action<string, string> fail)
    {
        if ((selector is null) == (text is null))
        {
            fail(field, "set either selector (CSS) or text (a regex on the button or link text).");
            return;
        }
        SiteDefinitionValidator.Selector(selector, $"{field}.selector", fail);
        SiteDefinitionValidator.Regex(text, $"{field}.text", 0, fail);
    }

    private static void JsonPath(string? path, string field, bool required, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (required || path is not null)
            {
                fail(field, "required: a JSONPath such as '$.ads[*]'.");
            }
            return;
        }
        if (SelectorAlternative.JsonPathError(path) is { } error)
        {
            fail(field, error);
        }
    }
}
