namespace AdWatch.Extraction;

/// <summary>
/// Numbers spelled out in Dutch, English, Spanish, Portuguese and Romanian, as ads write them to dodge number filters: single
/// digits, the Dutch two-digit words people dictate phone numbers in ("nul zes twaalf vierendertig"), Portuguese "meia"
/// (half a dozen) for six, English "oh" for zero, and a spelled plus sign ("plus", "más", "mais").
/// </summary>
internal static class NumberWords
{
    /// <summary>The longest word: "negenennegentig", "zevenenzeventig" with diaeresis forms.</summary>
    internal const int MaxLength = 16;

    /// <summary>What <see cref="Spell"/> returns for a spelled plus sign.</summary>
    internal const string Plus = "+";

    private static readonly Dictionary<string, string> Words = Build();

    private static Dictionary<string, string> Build()
    {
        var words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string value, params string[] names)
        {
            foreach (var name in names)
            {
                words[name] = value;
            }
        }

        // Accents both with and without, because ads drop them as often as they keep them.
        Add("0", "nul", "zero", "cero", "oh", "zéro");
        Add("1", "een", "één", "eén", "één", "one", "uno", "una", "um", "uma", "unu");
        Add("2", "twee", "two", "dos", "dois", "duas", "doi");
        Add("3", "drie", "three", "tres", "três", "trei");
        Add("4", "vier", "four", "cuatro", "quatro", "patru");
        Add("5", "vijf", "five", "cinco", "cinci");
        Add("6", "zes", "six", "seis", "meia", "sase", "șase");
        Add("7", "zeven", "seven", "siete", "sete", "sapte", "șapte");
        Add("8", "acht", "eight", "ocho", "oito", "opt");
        Add("9", "negen", "nine", "nueve", "nove", "noua", "nouă");
        Add(Plus, "plus", "más", "mas", "mais");

        string[] units = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"];
        string[] teens = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"];
        string[] tens = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];
        for (var t = 0; t < 10; t++)
        {
            Add((10 + t).ToString(System.Globalization.CultureInfo.InvariantCulture), teens[t]);
        }
        for (var t = 2; t < 10; t++)
        {
            Add($"{t}0", tens[t]);
            for (var u = 1; u < 10; u++)
            {
                // "tweeëntwintig" (a diaeresis after a vowel), also written without it.
                var unit = units[u];
                var joins = unit.EndsWith('e') ? new[] { "ën", "en" } : ["en"];
                foreach (var join in joins)
                {
                    Add($"{t}{u}", unit + join + tens[t]);
                }
                if (u == 1)
                {
                    Add($"{t}{u}", "éénen" + tens[t]);
                }
            }
        }
        return words;
    }

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The digits a word spells ("zes" → "6", "vierendertig" → "34"), <see cref="Plus"/> for a spelled plus, or null.</summary>
    public static string? Spell(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= MaxLength && Lookup.TryGetValue(word, out var value) ? value : null;
}
