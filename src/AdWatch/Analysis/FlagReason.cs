namespace AdWatch.Analysis;

/// <summary>One reason of a flag in plain Dutch and English, with its evidence. Codes: rotation, short-stays, turnover, touring, operator, indicators.</summary>
public sealed record FlagReason(string Code, string Dutch, string English, ReasonEvidence Evidence)
{
    public string Text(string language) => language == "en" ? English : Dutch;
}

/// <summary>What a reason points at: ad ids, dates or date ranges (yyyy-MM-dd..yyyy-MM-dd) and E.164 phones.</summary>
public sealed record ReasonEvidence(IReadOnlyList<long> Ads, IReadOnlyList<string> Dates, IReadOnlyList<string> Phones);
