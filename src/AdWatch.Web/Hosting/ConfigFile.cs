using AdWatch.Web.Cli;

namespace AdWatch.Web.Hosting;

/// <summary>Finds adwatch.json: <c>--config PATH</c>, else <c>config/adwatch.json</c> in the working directory, else next to the binary.</summary>
internal static class ConfigFile
{
    public const string DefaultRelativePath = "config/adwatch.json";

    public static string? Resolve(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath);
            return File.Exists(full)
                ? full
                : throw new UserError($"Configuration file not found: {full} (from --config). Pass an existing file, or leave out --config to use {DefaultRelativePath}.", ExitCodes.Usage);
        }
        var found = AppPaths.Resolve(DefaultRelativePath);
        if (File.Exists(found))
        {
            return found;
        }
        return null; // built-in defaults apply
    }
}
