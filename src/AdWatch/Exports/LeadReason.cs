namespace AdWatch.Exports;

/// <summary>One reason of a lead's flag, in Dutch and English (as analysis stored it).</summary>
public sealed record LeadReason(string Code, string Text, string TextEn);
