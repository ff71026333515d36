namespace AdWatch.Review;

/// <summary>An operator: one phone behind several clearly different advertisers, at least one of which stayed here.</summary>
public sealed record DossierOperator(long OperatorId, string Phone, IReadOnlyList<string> Advertisers);
