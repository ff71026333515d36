namespace AdWatch.Analysis;

/// <summary>One reason of a flag in plain Dutch and English, with its evidence. Codes: rotation, short-stays, turnover, touring, operator, indicators.</summary>
public sealed record FlagReason(string Code, string Dutch, string English, ReasonEvidence Evidence)
{
    public string Text(string language) => language == "en" ? English : Dutch;
}
