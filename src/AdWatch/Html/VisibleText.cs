using System.Globalization;
using System.Text;

namespace AdWatch.Html;

/// <summary>
/// Text from an ad (title, body, name, URL, file name) as a person may be shown it. Invisible format characters — the bidi
/// controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C and the rest of Unicode category Cf — would otherwise
/// reorder or hide what surrounds them (<c>U+202E gnp.exe</c> reads as <c>exe.png</c>), so each is replaced by a visible
/// marker such as <c>⟦U+202E⟧</c>. Only U+200D (zero-width joiner) is kept: emoji sequences need it and it reorders nothing.
/// The result is still plain text: callers HTML-encode it as before. <see cref="Cut"/> bounds how much of a text is shown.
/// </summary>
public static class VisibleText
{
    /// <summary>How much of an ad body a page shows; the evidence page and the stored capture keep the whole text.</summary>
    public const int MaxBodyChars = 4_000;

    /// <summary>How much of a one-line field (title, name, URL, place text) a page shows.</summary>
    public const int MaxLineChars = 500;

    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>A one-line field, cut at <see cref="MaxLineChars"/> (with " …") and shown with <see cref="Show(string?)"/>.</summary>
    public static string? Line(string? text) => text is null ? null
        : Cut(text, MaxLineChars) is (var shown, > 0) ? Show(shown) + " …" : Show(text);

    /// <summary>The text with every invisible format character shown as <c>⟦U+XXXX⟧</c>; <c>null</c> stays <c>null</c>.</summary>
    public static string? Show(string? text)
    {
        if (text is null || !text.AsSpan().ContainsAnyExcept(Invisible.Complement))
        {
            return text;
        }
        StringBuilder? b = null;
        var at = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsInvisible(rune))
            {
                b ??= new StringBuilder(text.Length + 16).Append(text, 0, at);
                b.Append("⟦U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append('⟧');
            }
            else
            {
                b?.Append(text, at, rune.Utf16SequenceLength);
            }
            at += rune.Utf16SequenceLength;
        }
        return b?.ToString() ?? text;
    }

    /// <summary>The shown part of a body (<see cref="MaxBodyChars"/>, through <see cref="Show(string?)"/>) and how many characters were left out.</summary>
    public static (string Shown, int More) Body(string body)
    {
        var (shown, more) = Cut(body, MaxBodyChars);
        return (Show(shown)!, more);
    }

    /// <summary>
    /// At most <paramref name="maxChars"/> characters of <paramref name="text"/> (never splitting a surrogate pair), and how
    /// many were left out, so a page can say so instead of putting a megabyte into the browser.
    /// </summary>
    public static (string Shown, int More) Cut(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        if (text.Length <= maxChars)
        {
            return (text, 0);
        }
        var end = maxChars > 0 && char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return (text[..end], text.Length - end);
    }

    private static bool IsInvisible(Rune rune) =>
        rune.Value != ZeroWidthJoiner && Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;

    /// <summary>Fast path: a text with none of these characters (the usual case) is returned as it is, unallocated.</summary>
    private static class Invisible
    {
        // Every BMP character; Cf characters outside the BMP are surrogate pairs, which send the text down the slow path.
        public static readonly System.Buffers.SearchValues<char> Complement = System.Buffers.SearchValues.Create(
            Enumerable.Range(0, 0x10000).Select(i => (char)i)
                .Where(c => !char.IsSurrogate(c) && (c == ZeroWidthJoiner || char.GetUnicodeCategory(c) != UnicodeCategory.Format)).ToArray());
    }
}
