using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdWatch.Exports.Zgw;

namespace AdWatch.Tests.Exports;

public sealed class ZgwTokenTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_SignsTheZgwClaimsWithHs256()
    {
        var token = ZgwToken.Create("adwatch", "short", "coco", "AdWatch", At);

        var parts = token.Split('.');
        parts.Length.ShouldBe(3);
        Json(parts[0]).GetProperty("alg").GetString().ShouldBe("HS256");
        var claims = Json(parts[1]);
        claims.GetProperty("iss").GetString().ShouldBe("adwatch");
        claims.GetProperty("client_id").GetString().ShouldBe("adwatch");
        claims.GetProperty("iat").GetInt64().ShouldBe(At.ToUnixTimeSeconds());
        claims.GetProperty("user_id").GetString().ShouldBe("coco");
        claims.GetProperty("user_representation").GetString().ShouldBe("AdWatch");
        var expected = HMACSHA256.HashData("short"u8, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Decode(parts[2]).ShouldBe(expected);
    }

    [Fact]
    public void Create_IsUrlSafeAndUnpadded() =>
        ZgwToken.Create("a?>b", "geheim", "ü/ser+", "ü", At).ShouldNotContain('=', customMessage: "no padding");

    [Fact]
    public void Create_ChangesWithTheTimeAndTheSecret()
    {
        var token = ZgwToken.Create("adwatch", "s1", "coco", "AdWatch", At);

        ZgwToken.Create("adwatch", "s1", "coco", "AdWatch", At.AddSeconds(1)).ShouldNotBe(token);
        ZgwToken.Create("adwatch", "s2", "coco", "AdWatch", At).Split('.')[2].ShouldNotBe(token.Split('.')[2]);
    }

    private static JsonElement Json(string part) => JsonDocument.Parse(Decode(part)).RootElement;

    private static byte[] Decode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
