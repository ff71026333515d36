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

    /// <summary>
    /// Named extra fields (<c>age: "label:Leeftijd"</c>), same selector syntax, stored with the version in
    /// <c>ad_versions.extras</c> and shown in the dossier.
    /// </summary>
    public Dictionary<string, string> Extras { get; set; } = [];

    /// <summary>Browser mode: steps run on every ad page before it is read (reveal a phone number, wait for it).</summary>
    public List<BrowserAction> Actions { get; set; } = [];
}
