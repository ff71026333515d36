namespace AdWatch.DemoSites.Scenario;

/// <summary>The content of an ad from <see cref="EffectiveFrom"/> until the next version (or the end of the ad).</summary>
/// <param name="EffectiveFrom">First simulated day this content is shown.</param>
/// <param name="Title">Ad title.</param>
/// <param name="Body">Ad text; paragraphs separated by "\n\n".</param>
/// <param name="Location">Location as written ("Stationslaan 14, 3841 AB Harderwijk", "regio Ermelo") or null when the ad names none.</param>
/// <param name="City">Town shown in listings, or null.</param>
/// <param name="Phone">Phone as written: plain, obfuscated, or a wa.me link (see <see cref="DemoPhoneStyle"/>).</param>
/// <param name="PhoneE164">Ground truth for <paramref name="Phone"/>, or null when the version shows no phone.</param>
/// <param name="Posted">The "posted" date the site shows.</param>
/// <param name="ImageIds">Images shown, served at /img/{id}.png.</param>
public sealed record DemoAdVersion(
    DateOnly EffectiveFrom,
    string Title,
    string Body,
    string? Location,
    string? City,
    string? Phone,
    string? PhoneE164,
    DateOnly Posted,
    IReadOnlyList<string> ImageIds);
