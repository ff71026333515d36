namespace AdWatch.DemoSites.Faults;

/// <summary>
/// A terms gate as some sites put in front of their HTTP pages. A request without the terms cookie
/// (<paramref name="CookieName"/>=<paramref name="CookieValue"/>, which the site's "Akkoord" button would set) or without
/// <paramref name="RequiredHeader"/> is sent to <c>/voorwaarden</c>. With <paramref name="SessionCookie"/>, a request that carries
/// no session gets one in <c>Set-Cookie</c> and a 302 to the same URL (a cookie check), and a session the site never gave gets 403:
/// a client without a cookie jar goes round in circles.
/// </summary>
/// <param name="CookieName">Name of the terms cookie.</param>
/// <param name="CookieValue">Its value.</param>
/// <param name="RequiredHeader">A header the pages need, as "Name: value" (e.g. "X-Requested-With: XMLHttpRequest"); null: none.</param>
/// <param name="SessionCookie">Name of the session cookie the site hands out; null: none.</param>
public sealed record DemoTermsGate(string CookieName = "voorwaarden", string CookieValue = "akkoord", string? RequiredHeader = null,
    string? SessionCookie = null);
