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
    /// <summary>Kontaktbord "/advertenties".</summary>
    Listing,
    /// <summary>Kontaktbord "/advertentie/{id}".</summary>
    Detail,
    /// <summary>"/img/{id}.png".</summary>
    Image,
    /// <summary>A path robots.txt disallows ("/prive/…" on Kontaktbord, "/beheer/…" on Nachtlicht).</summary>
    Private,
    /// <summary>Nachtlicht HTML shell: "/" or "/ad/{id}".</summary>
    Shell,
    /// <summary>Nachtlicht "/app.js".</summary>
    Script,
    /// <summary>Nachtlicht "/api/ads?page=N".</summary>
    ApiListing,
    /// <summary>Nachtlicht "/api/ads/{id}".</summary>
    ApiDetail,
}
