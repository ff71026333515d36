namespace AdWatch.Analysis;

/// <summary>Why an ad belongs to its advertiser: <c>phone</c>, <c>image</c>, <c>text</c>, <c>name</c> or <c>self</c> (alone), with a confidence 0..1.</summary>
public sealed record AdLink(long AdId, string Kind, double Confidence);
