using System.Globalization;
using System.Resources;
using AdWatch.Storage;

namespace AdWatch.Web.Display;

/// <summary>
/// Names of the codes stored as text (review statuses, roles, review actions, phone and crawl statuses, link kinds, place
/// precision) in the UI language: one table, <c>Resources/DisplayNames.resx</c> (Dutch) and <c>DisplayNames.en.resx</c>.
/// </summary>
public static class DisplayNames
{
    private static readonly ResourceManager Table = new("AdWatch.Web.Resources.DisplayNames", typeof(DisplayNames).Assembly);

    /// <summary>The name of <paramref name="code"/> in the UI language; unknown codes are returned as they are.</summary>
    public static string Of(string? code) =>
        code is null ? "" : Table.GetString(code, CultureInfo.CurrentUICulture) ?? code;

    /// <summary>The name of <paramref name="code"/> in <paramref name="culture"/> (the CLI reads Dutch role names with it).</summary>
    public static string Of(string code, CultureInfo culture) => Table.GetString(code, culture) ?? code;

    /// <summary>The name of an enum value, looked up by its stored text (<see cref="EnumText"/>).</summary>
    public static string Of<T>(T value) where T : struct, Enum => Of(value.ToText());

    /// <summary>
    /// The readable label of an <c>ad.extras</c> name (<c>age</c> → Leeftijd/Age), looked up as <c>extra.NAME</c> so an extra
    /// never takes the name of another code; a name the table does not know is shown as the site definition wrote it.
    /// </summary>
    public static string Extra(string name) => Table.GetString("extra." + name, CultureInfo.CurrentUICulture) ?? name;

    /// <summary>
    /// The name of an enforcement code (control party, premises, measure type and state), looked up as <c>enf.CODE</c> so
    /// <c>other</c> or <c>closed</c> never take the name of another table's code.
    /// </summary>
    public static string Enforcement<T>(T value) where T : struct, Enum =>
        Table.GetString("enf." + value.ToText(), CultureInfo.CurrentUICulture) ?? value.ToText();

    /// <summary>
    /// The name of an audit action or target kind (<c>view</c>, <c>sign_in_failed</c>, <c>control_document</c>), looked up as
    /// <c>audit.CODE</c> so <c>change</c> or <c>location</c> never take the name of another table's code; an unknown code is shown as stored.
    /// </summary>
    public static string Audit(string code) => Table.GetString("audit." + code, CultureInfo.CurrentUICulture) ?? code;

    /// <summary>The name with a capital first letter, for headings and table columns.</summary>
    public static string Title(string? code) => Of(code) is { Length: > 0 } name
        ? char.ToUpper(name[0], CultureInfo.CurrentUICulture) + name[1..]
        : "";
}
