namespace AdWatch.Extraction;

/// <summary>Digits spelled out in Dutch, English, Spanish and Portuguese, as ads write them to dodge number filters.</summary>
internal static class NumberWords
{
    private static readonly Dictionary<string, char> Words = Build();

    private static Dictionary<string, char> Build()
    {
        var words = new Dictionary<string, char>(StringComparer.OrdinalIgnoreCase);
        void Add(char digit, params string[] names)
        {
            foreach (var name in names)
            {
                words[name] = digit;
            }
        }

        // nl, en, es, pt; accents both with and without, because ads drop them as often as they keep them.
        Add('0', "nul", "zero", "cero");
        Add('1', "een", "één", "eén", "één", "one", "uno", "una", "um", "uma");
        Add('2', "twee", "two", "dos", "dois", "duas");
        Add('3', "drie", "three", "tres", "três");
        Add('4', "vier", "four", "cuatro", "quatro");
        Add('5', "vijf", "five", "cinco");
        Add('6', "zes", "six", "seis");
        Add('7', "zeven", "seven", "siete", "sete");
        Add('8', "acht", "eight", "ocho", "oito");
        Add('9', "negen", "nine", "nueve", "nove");
        return words;
    }

    private static readonly Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The digit a word spells, or <c>'\0'</c>.</summary>
    public static char DigitOf(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 6 && Lookup.TryGetValue(word, out var digit) ? digit : '\0';
}
