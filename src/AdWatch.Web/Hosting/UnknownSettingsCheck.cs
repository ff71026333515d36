using AdWatch.Web.Cli;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Refuses to start with a setting nothing reads: a misspelled key or section in adwatch.json (<c>"Storgae"</c>,
/// <c>"Jobs": { "WorkerCont": 2 }</c>) or in an <c>ADWATCH__</c> environment variable would otherwise be ignored and its default
/// silently used. Unprefixed variables (<c>Storage__Provider</c>) are checked only under AdWatch's own sections, since the
/// environment holds much else. Runs first among the start-up validations (registered before them, see
/// <see cref="AppHost.Configure"/>); the message is one line naming the file or variable, the key and the nearest known key.
/// </summary>
internal sealed class UnknownSettingsCheck(IEnumerable<BoundSection> bound, UnknownSettingsCheck.Sources sources)
    : IValidateOptions<UnknownSettingsCheck.Marker>
{
    /// <summary>Where settings come from besides code: the file <see cref="ConfigFile"/> resolved (null when none).</summary>
    public sealed record Sources(string? File);

    /// <summary>Nothing to bind; exists so the check runs with the start-up validation.</summary>
    public sealed class Marker;

    public ValidateOptionsResult Validate(string? name, Marker options)
    {
        var schema = new SettingsSchema(bound);
        if (sources.File is { } file)
        {
            var json = new ConfigurationBuilder().AddJsonFile(file, optional: true, reloadOnChange: false).Build();
            Throw(schema.Unknown(json).ToList(), (path, _) => $"{file}: unknown setting '{path}'", "Fix its name or remove it");
        }
        var prefixed = new ConfigurationBuilder().AddEnvironmentVariables(AppHost.EnvironmentPrefix).Build();
        Throw(schema.Unknown(prefixed).ToList(), (path, leaf) => $"environment variable {AppHost.EnvironmentPrefix}{leaf.Replace(":", "__", StringComparison.Ordinal)}: unknown setting '{path}'",
            "Fix its name or unset it", prefixed);
        var ours = bound.Select(b => b.Section).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var plain = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        Throw(schema.Unknown(plain, ours.Contains).ToList(), (path, leaf) => $"environment variable {leaf.Replace(":", "__", StringComparison.Ordinal)}: unknown setting '{path}'",
            "Fix its name or unset it", plain);
        return ValidateOptionsResult.Success;
    }

    private static void Throw(List<(string Path, string? Suggestion)> unknown, Func<string, string, string> where, string fix, IConfiguration? config = null)
    {
        if (unknown.Count == 0)
        {
            return;
        }
        var (path, suggestion) = unknown[0];
        // The variable that set the key: the first one under the unknown section.
        var leaf = config?.AsEnumerable().Where(kv => kv.Value is not null && (kv.Key.Equals(path, StringComparison.OrdinalIgnoreCase)
                || kv.Key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase))).Select(kv => kv.Key).Order(StringComparer.Ordinal).FirstOrDefault() ?? path;
        var more = unknown.Count > 1 ? $" ({unknown.Count - 1} more unknown: {string.Join(", ", unknown.Skip(1).Take(3).Select(u => $"'{u.Path}'"))}{(unknown.Count > 4 ? ", …" : "")})" : "";
        throw new UserError($"{where(path, leaf)}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}. {fix}; the settings are listed in README.md, Configuration.{more}",
            ExitCodes.Usage);
    }
}
