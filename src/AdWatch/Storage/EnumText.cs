using System.Collections.Frozen;
using System.Data;
using System.Text;
using Dapper;

namespace AdWatch.Storage;

/// <summary>
/// The one mapping between an enum and its stored text: <c>InReview</c> ⇄ <c>in_review</c> (snake_case of the member
/// name). Register an enum once with <see cref="Register{T}"/> (every store's enums are registered in
/// <see cref="DapperSetup"/>) and Dapper reads the text columns into it. Dapper ignores type handlers for enum
/// <em>parameters</em> (DapperLib/Dapper#259) and would bind the number, so write with <see cref="ToText{T}"/>.
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

    /// <summary>Makes Dapper read text columns into <typeparamref name="T"/>.</summary>
    public static void Register<T>() where T : struct, Enum
    {
        SqlMapper.AddTypeHandler(typeof(T), new Handler<T>());
    }

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

    private sealed class Handler<T> : SqlMapper.TypeHandler<T> where T : struct, Enum
    {
        public override void SetValue(IDbDataParameter parameter, T value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToText();
        }

        public override T Parse(object value) => EnumText.Parse<T>(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
    }
}
