using System.Security.Cryptography;
using System.Text;

namespace AdWatch.Privacy;

/// <summary>
/// What a log line says instead of an ad's or image's URL: the first 8 hex digits of the URL's SHA-256. An operator finds
/// the row by hashing the stored URLs; the log alone does not give the URL back. Not for phones or addresses: there are
/// few enough of those to hash them all, so a log names neither, not even hashed.
/// </summary>
public static class LogRef
{
    public static string Of(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..8];
}
