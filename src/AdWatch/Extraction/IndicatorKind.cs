namespace AdWatch.Extraction;

/// <summary>What an indicator is evidence of. Serialised in lower case, as in config/indicators.yaml.</summary>
public enum IndicatorKind
{
    /// <summary>A sign of exploitation or trafficking; weights add up to an ad's risk.</summary>
    Risk,

    /// <summary>A sign that advertisers come and go at a location (travel, touring); feeds location turnover, never risk.</summary>
    Turnover,
}
