namespace AdWatch.Analysis;

/// <summary>
/// Weights of the flag score components, each component in 0..1. Saturation values say at which count a component is full.
/// </summary>
public sealed class ScoreWeights
{
    /// <summary>Distinct advertisers with short stays, full at <see cref="AdvertisersSaturation"/>.</summary>
    public double Advertisers { get; set; } = 0.35;

    /// <summary>Number of short stays, full at <see cref="ShortStaysSaturation"/>.</summary>
    public double ShortStays { get; set; } = 0.15;

    /// <summary>Share of stays followed within a week by a different advertiser.</summary>
    public double Turnover { get; set; } = 0.15;

    /// <summary>Share of the advertisers seen in other towns around their stay.</summary>
    public double Touring { get; set; } = 0.15;

    /// <summary>1 when two advertisers here share an operator phone, 0.5 when one uses an operator phone.</summary>
    public double Operator { get; set; } = 0.10;

    /// <summary>Share of the ads here with at least one indicator from indicators.yaml.</summary>
    public double Indicators { get; set; } = 0.10;

    public int AdvertisersSaturation { get; set; } = 6;

    public int ShortStaysSaturation { get; set; } = 10;

    internal double Sum => Advertisers + ShortStays + Turnover + Touring + Operator + Indicators;

    internal IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[] { ("advertisers", Advertisers), ("shortStays", ShortStays), ("turnover", Turnover),
                     ("touring", Touring), ("operator", Operator), ("indicators", Indicators) })
        {
            if (value < 0 || double.IsNaN(value))
            {
                yield return $"weights.{name} must be 0 or more (was {value}).";
            }
        }
        if (Sum <= 0)
        {
            yield return "weights must not all be 0.";
        }
        if (AdvertisersSaturation < 1 || ShortStaysSaturation < 1)
        {
            yield return "weights.advertisersSaturation and weights.shortStaysSaturation must be at least 1.";
        }
    }
}
