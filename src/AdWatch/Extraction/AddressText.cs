using System.Globalization;
using System.Text;

namespace AdWatch.Extraction;

/// <summary>
/// Ad text prepared for address matching: <see cref="Original"/> is the NFKC form with invisible characters removed
/// (fullwidth and "mathematical bold" letters become plain ones), <see cref="Folded"/> has the same length and is
/// lower case without diacritics, with common Cyrillic/Greek look-alikes mapped to Latin. Matching runs on
/// <see cref="Folded"/>; raw text is cut from <see cref="Original"/> at the same offsets.
/// </summary>
internal sealed class AddressText
{
    /// <summary>Longer texts are cut: an ad is a few kB, anything beyond this is junk or an attack.</summary>
    public const int MaxLength = 64 * 1024;

    private static readonly Lazy<char[]> FoldTable = new(BuildFoldTable);

    private AddressText(string original, string folded, List<(int Start, int End)> tokens)
    {
        Original = original;
        Folded = folded;
        Tokens = tokens;
    }

    public string Original { get; }

    public string Folded { get; }

    /// <summary>Runs of letters and digits in <see cref="Folded"/>, as [Start, End) offsets.</summary>
    public List<(int Start, int End)> Tokens { get; }

    public static AddressText Prepare(string? text)
    {
        var original = Clean(text ?? "");
        var folded = Fold(original);
        var tokens = new List<(int, int)>(Math.Min(original.Length / 4 + 4, 4096));
        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                i++;
            }
            tokens.Add((start, i));
        }
        return new AddressText(original, folded, tokens);
    }

    public ReadOnlySpan<char> Token(int index) => Folded.AsSpan(Tokens[index].Start, Tokens[index].End - Tokens[index].Start);

    /// <summary>Folds a gazetteer name the way <see cref="Folded"/> is folded, words joined by one space.</summary>
    public static string FoldName(string name)
    {
        var text = Prepare(name);
        var sb = new StringBuilder(name.Length);
        for (var t = 0; t < text.Tokens.Count; t++)
        {
            if (t > 0)
            {
                sb.Append(' ');
            }
            sb.Append(text.Token(t));
        }
        return sb.ToString();
    }

    public static string Fold(string text)
    {
        var table = FoldTable.Value;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = table[source[i]];
            }
        });
    }

    private static string Clean(string text)
    {
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }
        if (System.Text.Ascii.IsValid(text) && !text.AsSpan().ContainsAnyInRange('\0', '\u001F') && !text.Contains('\u007F'))
        {
            return text; // plain ASCII is already clean and normalised
        }
        if (!NeedsCleaning(text))
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
            {
                sb.Append(' '); // a lone surrogate would make Normalize throw
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue; // zero-width space/joiner, soft hyphen, BOM: used to split words against filters
            }
            sb.Append(c == '\n' ? c : category == UnicodeCategory.Control ? ' ' : c); // a line break sets a name off: keep it
        }
        try
        {
            return sb.ToString().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return sb.ToString();
        }
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a well-formed pair (emoji) needs no cleaning
                continue;
            }
            if (c < ' ' || c == '\u007F' || char.IsSurrogate(c)
                || (c > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Control))
            {
                return true;
            }
        }
        return false;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            table[c] = ch;
            if (char.IsSurrogate(ch))
            {
                continue;
            }
            var lower = char.ToLowerInvariant(ch);
            table[c] = lower;
            // Only alphabetic scripts near Latin carry diacritics worth removing; skipping CJK keeps start-up short.
            if (lower < 128 || lower >= 0x2000 || !char.IsLetter(lower))
            {
                continue;
            }
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 0 && decomposed[0] < 128 && char.IsLetter(decomposed[0]))
            {
                table[c] = decomposed[0];
            }
        }
        // Look-alikes used to slip place names past filters: Cyrillic and Greek letters that render as Latin ones.
        // Upper and lower case separately: Greek capital Nu looks like N, its small letter like v.
        const string from = "аеорсхуіјѕкмнтвАВЕКМНОРСТХУІЈЅαοριεκνυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖßøæłđ";
        const string to = "aeopcxyijskmhtbabekmhopctxyijsaopiekvuxabehikmnoptyxzsoald";
        for (var i = 0; i < from.Length; i++)
        {
            table[from[i]] = to[i];
        }
        return table;
    }
}
