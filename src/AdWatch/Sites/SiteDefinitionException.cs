namespace AdWatch.Sites;

/// <summary>A site definition that cannot be used. The message names file, line and field of every problem.</summary>
public sealed class SiteDefinitionException(string file, IReadOnlyList<SiteDefinitionError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => $"{file}:{e.Line}: {e.Field}: {e.Message}")))
{
    public string File { get; } = file;

    public IReadOnlyList<SiteDefinitionError> Errors { get; } = errors;
}
