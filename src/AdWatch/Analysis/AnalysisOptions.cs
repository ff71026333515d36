namespace AdWatch.Analysis;

/// <summary>
/// Rules and weights of the analysis, read from <c>config/analysis.yaml</c> by <see cref="AnalysisOptionsLoader"/>. By default a
/// location in the region (<c>Region:MunicipalityCodes</c>, not here) with at least 3 different advertisers on short stays within
/// 90 days is flagged.
/// </summary>
public sealed class AnalysisOptions
{
    /// <summary>Days before the as-of time that count for flags, touring advertisers and statistics.</summary>
    public int WindowDays { get; set; } = 90;

    /// <summary>
    /// A flag stays active while its last qualifying <see cref="WindowDays"/>-day window ended at most this many days before the
    /// as-of time: a house that rotated in spring is still a lead in December, but a 2023 rotation is no lead in 2026. After that
    /// the flag becomes inactive; its review status and history stay. At least <see cref="WindowDays"/>.
    /// </summary>
    public int FlagActiveDays { get; set; } = 365;

    /// <summary>Different advertisers with a short stay needed to flag a location.</summary>
    public int MinAdvertisers { get; set; } = 3;

    /// <summary>A stay of at most this many days (first to last day, inclusive) is short.</summary>
    public int ShortStayMaxDays { get; set; } = 7;

    /// <summary>Days without observations that do not break a stay (a crawl that missed a day, an ad offline over a weekend).</summary>
    public int GapToleranceDays { get; set; } = 2;

    /// <summary>For the score: an advertiser tours when seen in another town this many days before or after a stay.</summary>
    public int TouringWindowDays { get; set; } = 14;

    /// <summary>Touring advertisers: seen in <see cref="TouringMinPlaces"/> towns within this many days.</summary>
    public int TouringTourDays { get; set; } = 30;

    /// <summary>Touring advertisers: distinct towns needed, one of them in the region.</summary>
    public int TouringMinPlaces { get; set; } = 3;

    /// <summary>Two image pHashes within this Hamming distance (of 64 bits) are the same photo. At most 12: beyond that the banded
    /// index degrades towards comparing every pair, and unrelated photos start to match.</summary>
    public int ImageHammingThreshold { get; set; } = 6;

    /// <summary>Two text SimHashes within this Hamming distance (of 64 bits) are the same text or template.</summary>
    public int TextHammingThreshold { get; set; } = 3;

    /// <summary>An image or text hash shared by more ads than this is a stock photo or site boilerplate and links nothing.</summary>
    public int MaxSharedHashAds { get; set; } = 50;

    /// <summary>
    /// A name read on more than this many ads of one site, and on at least <see cref="BoilerplateNameMinShare"/> of that site's
    /// ads, is the site's own wording (its name, a fixed title part), not an advertiser's name: it links and separates nothing.
    /// </summary>
    public int BoilerplateNameMaxAds { get; set; } = 20;

    /// <summary>Share (0..1] of a site's ads a name must reach, besides <see cref="BoilerplateNameMaxAds"/>, to be boilerplate: a
    /// common working name ("Luna") is on many ads of a big site, but never on a large part of them.</summary>
    public double BoilerplateNameMinShare { get; set; } = 0.2;

    /// <summary>An ad without an address attaches through its phone only to a location that phone used within this many days.</summary>
    public int AttachWindowDays { get; set; } = 7;

    /// <summary>Language of reason texts: <c>nl</c> (default) or <c>en</c>.</summary>
    public string Language { get; set; } = "nl";

    /// <summary>Licensed venues CSV, relative to the directory of analysis.yaml. Empty: none.</summary>
    public string LicensedVenues { get; set; } = "licensed-venues.csv";

    /// <summary>Weights of the score components; the score is their weighted mean, 0..1.</summary>
    public ScoreWeights Weights { get; set; } = new();

    /// <summary>Every problem with these values, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Positive(string name, int value)
        {
            if (value < 1)
            {
                errors.Add($"{name} must be at least 1 (was {value}).");
            }
        }
        Positive("windowDays", WindowDays);
        if (FlagActiveDays < WindowDays)
        {
            errors.Add($"flagActiveDays must be at least windowDays ({WindowDays}) (was {FlagActiveDays}).");
        }
        Positive("minAdvertisers", MinAdvertisers);
        Positive("shortStayMaxDays", ShortStayMaxDays);
        Positive("touringWindowDays", TouringWindowDays);
        Positive("touringTourDays", TouringTourDays);
        Positive("touringMinPlaces", TouringMinPlaces);
        Positive("maxSharedHashAds", MaxSharedHashAds);
        Positive("boilerplateNameMaxAds", BoilerplateNameMaxAds);
        if (!(BoilerplateNameMinShare is > 0 and <= 1))
        {
            errors.Add($"boilerplateNameMinShare must be more than 0 and at most 1 (was {BoilerplateNameMinShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }
        if (GapToleranceDays < 0)
        {
            errors.Add($"gapToleranceDays must be 0 or more (was {GapToleranceDays}).");
        }
        if (AttachWindowDays < 0)
        {
            errors.Add($"attachWindowDays must be 0 or more (was {AttachWindowDays}).");
        }
        if (ImageHammingThreshold is < 0 or > 12)
        {
            errors.Add($"imageHammingThreshold must be between 0 and 12 (was {ImageHammingThreshold}).");
        }
        if (TextHammingThreshold is < 0 or > 12)
        {
            errors.Add($"textHammingThreshold must be between 0 and 12 (was {TextHammingThreshold}).");
        }
        if (Language is not ("nl" or "en"))
        {
            errors.Add($"language must be 'nl' or 'en' (was '{Language}').");
        }
        errors.AddRange(Weights.Validate());
        return errors;
    }
}
