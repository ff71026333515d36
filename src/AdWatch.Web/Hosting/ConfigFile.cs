using System.Text.Json;
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
                ? CheckSyntax(full)
                : throw new UserError($"Configuration file not found: {full} (from --config). Pass an existing file, or leave out --config to use {DefaultRelativePath}.", ExitCodes.Usage);
        }
        var found = AppPaths.Resolve(DefaultRelativePath);
        if (File.Exists(found))
        {
            return CheckSyntax(found);
        }
        return null; // built-in defaults apply
    }

    /// <summary>
    /// Reads the file as the configuration provider will (comments and trailing commas allowed) and names the line and column
    /// of a syntax error, which the provider would only report as a stack trace.
    /// </summary>
    private static string CheckSyntax(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UserError($"{path}: the configuration must be a JSON object ({{ \"Section\": {{ \"Key\": value }} }}), not {document.RootElement.ValueKind}.");
            }
            return path;
        }
        catch (JsonException e)
        {
            var what = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.');
            throw new UserError($"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON ({what}). Fix the syntax there.");
        }
        catch (IOException e)
        {
            throw new UserError($"{path}: cannot read the configuration file: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot read the configuration file (permission denied).");
        }
    }
}
