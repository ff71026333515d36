namespace AdWatch.Analysis;

/// <summary>Per ad (by index): the root of its advertiser and how it was linked; and the phones found to be operator phones.</summary>
internal sealed record LinkResult(int[] Roots, string[] Kinds, IReadOnlySet<long> OperatorPhones);
