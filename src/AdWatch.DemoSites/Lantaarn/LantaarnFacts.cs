using System.Globalization;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.DemoSites.Lantaarn;

/// <summary>
/// What Lantaarn shows about an ad beyond the scenario's content, each a pure function of the ad id (so every run and both front
/// ends agree): the opaque beta URL token, the labelled fields, the verified badge, whether the phone is an image, the reveal delay.
/// </summary>
public static class LantaarnFacts
{
    private static readonly string[] Hours = ["10:00 – 22:00", "12:00 – 02:00", "09:00 – 18:00", "Dag en nacht", "Alleen op afspraak"];
    private static readonly string[] Areas = ["{city} en omgeving (15 km)", "Alleen {city}", "{city}, ook escort in de regio", "Veluwe en Flevoland"];

    /// <summary>The beta detail path "/profiel/{token}": an opaque token, not the ad id (the beta names the id only in an inline script).</summary>
    public static string BetaPath(string adId) => "/profiel/" + Token(adId);

    /// <summary>The classic detail path.</summary>
    public static string ClassicPath(string adId) => "/klassiek/advertentie/" + adId;

    /// <summary>Ten lowercase hex digits derived from the id.</summary>
    public static string Token(string adId) =>
        DemoBumps.Hash("lantaarn|" + adId).ToString("x8", CultureInfo.InvariantCulture) + DemoBumps.Hash("token|" + adId).ToString("x8", CultureInfo.InvariantCulture)[..2];

    /// <summary>"Leeftijd:" value, 21–38.</summary>
    public static int Age(string adId) => 21 + (int)(DemoBumps.Hash("age|" + adId) % 18);

    /// <summary>"Werkgebied:" value.</summary>
    public static string Area(string adId, string? city) =>
        Areas[DemoBumps.Hash("area|" + adId) % Areas.Length].Replace("{city}", city ?? "Midden-Nederland", StringComparison.Ordinal);

    /// <summary>"Contacturen:" value.</summary>
    public static string ContactHours(string adId) => Hours[DemoBumps.Hash("hours|" + adId) % Hours.Length];

    /// <summary>True for about one ad in three: the "Geverifieerd" badge.</summary>
    public static bool Verified(string adId) => DemoBumps.Hash("verified|" + adId) % 3 == 0;

    /// <summary>True for about one ad in three: the reveal answers with an image of the number instead of text.</summary>
    public static bool PhoneAsImage(string adId) => DemoBumps.Hash("image|" + adId) % 3 == 0;

    /// <summary>How long the reveal takes, 300–800 ms.</summary>
    public static TimeSpan RevealDelay(string adId) => TimeSpan.FromMilliseconds(300 + DemoBumps.Hash("delay|" + adId) % 501);

    /// <summary>The number the reveal shows (text or image): the ad's true number written plainly, or null when the ad shows none.</summary>
    public static string? RevealedPhone(DemoAdVersion version) =>
        version.PhoneE164 is { } e164 ? DemoPhoneWriter.Write(e164, DemoPhoneStyle.Pairs) : null;
}
