namespace AdWatch.Sites;

/// <summary>One problem in a site definition: 1-based line (0 when unknown), dotted field path and what is wrong.</summary>
public sealed record SiteDefinitionError(int Line, string Field, string Message);
