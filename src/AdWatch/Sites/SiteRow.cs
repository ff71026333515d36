namespace AdWatch.Sites;

/// <summary>A row of the <c>sites</c> table.</summary>
public sealed class SiteRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? BaseUrl { get; init; }
    public string FetchMode { get; init; } = "http";
    public bool ImportOnly { get; init; }
    public string? DefinitionHash { get; init; }
}
