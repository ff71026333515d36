namespace AdWatch.Sites;

/// <summary>How to identify an ad and read its fields.</summary>
public sealed class AdRule
{
    /// <summary>Regex on the ad URL whose first group is the ad id.</summary>
    public string? IdFromUrl { get; set; }

    /// <summary>Alternative: a field selector (see <see cref="FieldSelectors"/> syntax) on the ad page giving the id.</summary>
    public string? IdSelector { get; set; }

    /// <summary>Field selectors; each optional.</summary>
    public FieldSelectors Fields { get; set; } = new();
}
