using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Scenario;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Lantaarn;

/// <summary>
/// Lantaarn's two consent modals. Real sites show them on some visits and not others (A/B tests, regions, cookie walls that
/// come and go); here each is decided per browser session from the session cookie and a seed, and remembered once dismissed.
/// </summary>
internal sealed class LantaarnConsent(int seed)
{
    public const string SessionCookie = "lt_sessie";
    public const string AgeCookie = "lt_18";
    public const string AgeValue = "ja";
    public const string CookiesCookie = "lt_cookies";
    public const string CookiesValue = "alles";

    private int _sessions;

    /// <summary>The session of this request; a new one (and its Set-Cookie) when the browser has none.</summary>
    public string Session(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(SessionCookie, out var existing) && existing.Length is > 0 and <= 64) return existing;
        var id = $"s{Interlocked.Increment(ref _sessions):D6}";
        http.Response.Headers.Append("Set-Cookie", $"{SessionCookie}={id}; Path=/; HttpOnly; SameSite=Lax");
        return id;
    }

    /// <summary>Which modals this request's page shows.</summary>
    public (bool Age, bool Cookies) Modals(HttpContext http, string session, DemoConsentModals mode)
    {
        var cookies = http.Request.Cookies;
        var ageDone = cookies.TryGetValue(AgeCookie, out var a) && a == AgeValue;
        var cookiesDone = cookies.TryGetValue(CookiesCookie, out var c) && c == CookiesValue;
        return (!ageDone && Shows(session, "leeftijd", mode), !cookiesDone && Shows(session, "cookies", mode));
    }

    /// <summary>The per-session choice, before dismissal cookies: public for tests through <see cref="LantaarnApp"/>.</summary>
    public bool Shows(string session, string modal, DemoConsentModals mode) => mode switch
    {
        DemoConsentModals.Always => true,
        DemoConsentModals.Never => false,
        _ => DemoBumps.Hash($"{seed}|{session}|{modal}") % 2 == 0,
    };
}
