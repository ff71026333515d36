namespace AdWatch.Sites;

/// <summary>
/// Selectors for the ad fields. <c>a | b</c> reads both alternatives (e.g. a WhatsApp link's href and a plain phone text),
/// in that order. Each alternative (<see cref="SelectorAlternative"/>) is <c>css</c> (element text; a script's raw text),
/// <c>css@attr</c>, <c>label:Plaats,Stad</c> (the value after a label), <c>json:$.path</c> / <c>json#id:$.path</c>
/// (JSONPath on a JSON page or an embedded JSON script), or <c>capture:NAME[:$.path]</c> (a browser capture), and may end
/// with <c> ~ REGEX</c> (group 1, else the whole match, of each value). When no field is set the generic extractor reads
/// the page's visible text into the body.
/// </summary>
public sealed class FieldSelectors
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Location { get; set; }
    public string? Phone { get; set; }

    /// <summary>Usually <c>img.photo@src</c>: every match is one image URL.</summary>
    public string? Images { get; set; }

    public string? PostedDate { get; set; }

    /// <summary>The <c>|</c>-separated alternatives of one field selector.</summary>
    public static IEnumerable<string> Alternatives(string selector) =>
        selector.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The configured selectors by field name, skipping empty ones.</summary>
    public IEnumerable<(string Field, string Selector)> Configured()
    {
        (string, string?)[] all = [("title", Title), ("text", Text), ("location", Location), ("phone", Phone), ("images", Images), ("postedDate", PostedDate)];
        return all.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => (p.Item1, p.Item2!));
    }
}
