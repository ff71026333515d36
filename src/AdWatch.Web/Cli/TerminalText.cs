using System.Globalization;
using System.Text;

namespace AdWatch.Web.Cli;

/// <summary>
/// Text from a user's file made safe to print on a terminal: control characters (ESC sequences can rewrite the screen)
/// and bidi controls (U+202E makes <c>gnp.exe</c> read as <c>exe.png</c>) are shown as <c>\u001B</c>-style escapes.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string text)
    {
        if (!text.Any(Unsafe))
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unsafe(c))
            {
                result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static bool Unsafe(char c) => char.IsControl(c)
        || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
