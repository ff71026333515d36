using System.Text.RegularExpressions;

namespace AdWatch.Extraction;

/// <summary>
/// Finds the name an advertiser uses ("Ik ben Luna", "Soy Valentina", "I'm Bella", "Eu sou Ana", a title "Luna – nieuw in
/// Harderwijk"). Names only ever strengthen or separate links; a miss costs little, a false name could split an advertiser,
/// so words that commonly follow "ik ben" (nieuw, 23, hier …) are refused.
/// </summary>
public static partial class AdvertiserNameExtractor
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "nieuw", "nieuwe", "new", "nueva", "nuevo", "nova", "novo", "hier", "here", "aqui", "aquí", "terug", "back", "weer",
        "een", "de", "het", "a", "an", "the", "una", "uma", "um", "la", "el", "jouw", "your", "tu", "sua", "sexy", "hot", "heet",
        "lief", "lieve", "sweet", "real", "echt", "echte", "beschikbaar", "available", "disponible", "disponivel", "disponível",
        "alleen", "only", "ook", "also", "nu", "now", "vandaag", "today", "bij", "in", "op", "at", "van", "from", "da",
        "latina", "colombiana", "braziliaanse", "brasileira", "venezolana", "student", "studente", "massage", "escort", "top",
        "vip", "privé", "prive", "private", "discreet", "discrete", "jong", "young", "ja", "yes", "si", "sí", "sim", "welkom",
        "welcome", "bienvenido", "bem", "hallo", "hello", "hola", "ola", "olá", "hi", "hey", "nieuwtje", "tijdelijk",
    };

    /// <summary>
    /// The advertiser's name from title and body, or null. Never throws on hostile text. <paramref name="titleBoilerplate"/> is the
    /// site's own wording (<c>titleBoilerplate</c> in its YAML): cut out of the title first, so "Kontaktbord – Sofia" gives Sofia,
    /// and never a name itself.
    /// </summary>
    public static string? Extract(string? title, string? body, IReadOnlyList<string>? titleBoilerplate = null)
    {
        try
        {
            if (titleBoilerplate is not { Count: > 0 })
            {
                return Find(title, body);
            }
            var (rest, cut) = CutBoilerplate(title, titleBoilerplate);
            // What is left of a title such as "Kontaktbord – Sofia" once the site's wording is gone: the name alone.
            var name = Find(rest, body) ?? (cut && rest is not null && LoneName().IsMatch(rest) ? Accept(rest) : null);
            // A word of the site's wording is never the name, wherever it was read ("Ik ben Kontaktbord" is the site speaking).
            return name is not null && titleBoilerplate.Any(b => b.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
                .Contains(name, StringComparer.OrdinalIgnoreCase)) ? null : name;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // pathological text: no name is better than a stuck analysis
        }
    }

    private static string? Find(string? title, string? body)
    {
        foreach (var text in new[] { body, title })
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            var sample = text.Length > 5_000 ? text[..5_000] : text;
            foreach (Match match in Introduction().Matches(sample))
            {
                if (Accept(match.Groups["name"].Value) is { } name)
                {
                    return name;
                }
            }
        }
        if (!string.IsNullOrEmpty(title) && TitleName().Match(title.Length > 500 ? title[..500] : title) is { Success: true } m)
        {
            return Accept(m.Groups["name"].Value);
        }
        return null;
    }

    /// <summary>The title without the site's wording and the separators it leaves at either end; whether anything was cut.</summary>
    internal static (string? Title, bool Cut) CutBoilerplate(string? title, IReadOnlyList<string> boilerplate)
    {
        if (string.IsNullOrEmpty(title))
        {
            return (title, false);
        }
        var rest = title.Length > 500 ? title[..500] : title;
        var cut = false;
        // Longest first, so "Kontaktbord Harderwijk" goes whole before "Kontaktbord" could leave "Harderwijk" behind.
        foreach (var part in boilerplate.Select(b => b.Trim()).Where(b => b.Length > 0).OrderByDescending(b => b.Length))
        {
            if (rest.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest.Replace(part, " ", StringComparison.OrdinalIgnoreCase);
                cut = true;
            }
        }
        return cut ? (rest.Trim(Separators), true) : (title, false);
    }

    private static readonly char[] Separators = [' ', '\t', '\n', '\r', '–', '—', '-', '|', ':', '·', '•', ',', '!', '/', '\u00A0'];

    private static string? Accept(string candidate) =>
        candidate.Length < 2 || NotNames.Contains(candidate) ? null : candidate;

    // A title that is one capitalised word, once the site's wording is cut from it.
    [GeneratedRegex(@"^\p{Lu}\p{Ll}{1,19}(?:-\p{Lu}\p{Ll}{1,19})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LoneName();

    // "Ik ben Luna", "Ik heet Luna", "Mijn naam is Luna", "Soy Valentina", "Me llamo", "I'm Bella", "I am", "My name is",
    // "Eu sou Ana", "Meu nome é"; the introduction is matched case-insensitively, the name must start with a capital.
    [GeneratedRegex(@"(?<![\p{L}])(?i:ik\s+ben|ik\s+heet|mijn\s+naam\s+is|soy|me\s+llamo|mi\s+nombre\s+es|i'm|i’m|i\s+am|my\s+name\s+is|eu\s+sou|meu\s+nome\s+(?:é|e)|je\s+suis|ich\s+bin)\s+(?:(?i:de|la|a)\s+)?" + @"(?<name>\p{Lu}\p{Ll}{1,19}(?:-\p{Lu}\p{Ll}{1,19})?)(?![\p{L}])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Introduction();

    // A title that starts with a name and a separator: "Luna – nieuw in Harderwijk", "Bella | Ermelo", "Ana - 23 jaar".
    [GeneratedRegex(@"^\s*(?<name>\p{Lu}\p{Ll}{1,19}(?:-\p{Lu}\p{Ll}{1,19})?)\s*(?:[–—|:!,]|\s-\s)", RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex TitleName();
}
