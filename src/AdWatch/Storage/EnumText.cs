using System.Collections.Frozen;
using System.Text;

namespace AdWatch.Storage;

/// <summary>
/// The one mapping between an enum and its stored text: <c>InReview</c> ⇄ <c>in_review</c> (snake_case of the member
/// name). Stores read the column as a string and convert with <see cref="Parse{T}"/>, and write
/// <see cref="ToText{T}"/>: Dapper 2.1 ignores a registered type handler for enums both when it reads a column
/// (it calls <c>Enum.Parse</c>, which knows no <c>in_review</c>) and when it binds a parameter (it binds the number;
/// DapperLib/Dapper#259), so a handler would look like it works and store numbers.
/// </summary>
public static class EnumText
{
    /// <summary>The stored text of <paramref name="value"/>.</summary>
    public static string ToText<T>(this T value) where T : struct, Enum => Names<T>.ToText[value];

    /// <summary>The member stored as <paramref name="text"/>; throws <see cref="FormatException"/> naming the type on unknown text.</summary>
    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a stored {typeof(T).Name}");

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is not null && Names<T>.FromText.TryGetValue(text, out value);
    }

    /// <summary>Every member's stored text, in declaration order (for CHECK lists and filters).</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => v.ToText())];

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToText =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => SnakeCase(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromText =
            ToText.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
