namespace AdWatch.Analysis;

/// <summary>A reason's evidence in the JSON contract: ad ids as strings (like <c>locations[].ads</c>), dates, E.164 phones.</summary>
public sealed record ReportEvidence(IReadOnlyList<string> Ads, IReadOnlyList<string> Dates, IReadOnlyList<string> Phones)
{
    public static ReportEvidence From(ReasonEvidence e) =>
        new([.. e.Ads.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture))], e.Dates, e.Phones);
}
