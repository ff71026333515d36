namespace AdWatch.Extraction;

/// <summary>
/// Ad text rewritten for phone matching, with a map from every rewritten character back to the span of the
/// original text it came from, so a match can be reported exactly as the ad wrote it. Without a map the text
/// was not rewritten and positions are the same.
/// </summary>
internal sealed class NormalizedText(string original, string text, int[]? starts, int[]? ends)
{
    public string Original { get; } = original;

    public string Text { get; } = text;

    /// <summary>The original text behind normalised characters <paramref name="first"/>..<paramref name="last"/> inclusive.</summary>
    public string OriginalSpan(int first, int last) =>
        starts is null || ends is null ? Original[first..(last + 1)] : Original[starts[first]..ends[last]];

    /// <summary>Where normalised character <paramref name="first"/> starts in the original text.</summary>
    public int OriginalStart(int first) => starts is null ? first : starts[first];

    /// <summary>Where normalised character <paramref name="last"/> ends in the original text (exclusive).</summary>
    public int OriginalEnd(int last) => ends is null ? last + 1 : ends[last];
}
