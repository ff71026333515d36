using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AdWatch.Exports.Zgw;

/// <summary>
/// The ZGW "JWT-Claims" bearer token: HS256 over <c>iss</c>, <c>iat</c>, <c>client_id</c>, <c>user_id</c>,
/// <c>user_representation</c>. Written by hand (RFC 7515 compact form) because Microsoft.IdentityModel refuses HS256 keys
/// shorter than 256 bits, and case systems hand out shorter secrets. A fresh token per call keeps <c>iat</c> within the
/// server's leeway.
/// </summary>
public static class ZgwToken
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    public static string Create(string clientId, string secret, string userId, string userRepresentation, DateTimeOffset issuedAt)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["client_id"] = clientId,
            ["user_id"] = userId,
            ["user_representation"] = userRepresentation,
        });
        var signingInput = Base64Url(Header) + "." + Base64Url(payload);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
