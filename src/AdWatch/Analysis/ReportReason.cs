namespace AdWatch.Analysis;

/// <summary>A reason in the configured language, with the ads, dates and phones it rests on.</summary>
public sealed record ReportReason(string Code, string Text, ReportEvidence Evidence);
