namespace AdWatch.Evidence;

/// <summary>One JSONL import line: <c>{"site","url","observedAt","html"}</c> or with <c>"text"</c> instead of html.</summary>
public sealed record ImportLine(string? Site, string? Url, DateTimeOffset? ObservedAt, string? Html, string? Text);
