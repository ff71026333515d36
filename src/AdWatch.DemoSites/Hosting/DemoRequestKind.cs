namespace AdWatch.DemoSites.Hosting;

/// <summary>What a request asked for, classified by path (see README for the URL scheme).</summary>
public enum DemoRequestKind
{
    /// <summary>Anything else (unknown paths, loop targets).</summary>
    Other,
    /// <summary>"/" on Kontaktbord.</summary>
    Home,
    /// <summary>"/robots.txt".</summary>
    Robots,
    /// <summary>Kontaktbord "/advertenties"; Lantaarn "/klassiek/".</summary>
    Listing,
    /// <summary>Kontaktbord "/advertentie/{id}"; Lantaarn "/profiel/{token}" and "/klassiek/advertentie/{id}".</summary>
    Detail,
    /// <summary>"/img/{id}.png"; Lantaarn "/api/ads/{id}/phone.png".</summary>
    Image,
    /// <summary>A path robots.txt disallows ("/prive/…" on Kontaktbord, "/beheer/…" on Nachtlicht, "/account/…" on Lantaarn).</summary>
    Private,
    /// <summary>Nachtlicht HTML shell: "/" or "/ad/{id}"; Lantaarn's beta listing "/".</summary>
    Shell,
    /// <summary>Nachtlicht "/app.js"; Lantaarn "/static/lantaarn.js".</summary>
    Script,
    /// <summary>Nachtlicht and Lantaarn "/api/ads?page=N".</summary>
    ApiListing,
    /// <summary>Nachtlicht "/api/ads/{id}".</summary>
    ApiDetail,
    /// <summary>Lantaarn's phone reveal: "/api/ads/{id}/reveal" and "/klassiek/advertentie/{id}/nummer".</summary>
    Reveal,
}
