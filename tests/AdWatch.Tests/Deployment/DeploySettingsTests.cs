using System.Reflection;
using System.Text.RegularExpressions;

namespace AdWatch.Tests.Deployment;

/// <summary>
/// Every <c>ADWATCH__Section__Key</c> the deployment files set or suggest names a real setting: a property of the options
/// class whose <c>Section</c> constant is that section (nested classes and list indexes followed). A misspelt key in an
/// image, compose file or chart would otherwise be a setting nobody reads.
/// </summary>
public sealed partial class DeploySettingsTests
{
    private static readonly Assembly[] Assemblies = [typeof(AdWatch.AppPaths).Assembly, typeof(AdWatch.Web.Hosting.WebOptions).Assembly];

    public static TheoryData<string> DeploySettings()
    {
        var files = new[] { DeployFiles.Path("deploy", "Dockerfile"), DeployFiles.Path("deploy", "compose.yaml"), DeployFiles.Path("deploy", ".env.example") }
            .Concat(Directory.EnumerateFiles(DeployFiles.Path("deploy", "helm", "adwatch"), "*", SearchOption.AllDirectories));
        var keys = files.SelectMany(f => Setting().Matches(File.ReadAllText(f)).Select(m => m.Value.TrimEnd('_')))
            .Where(k => k != "ADWATCH__Section__Key").Distinct().Order(StringComparer.Ordinal);
        return [.. keys];
    }

    [Theory]
    [MemberData(nameof(DeploySettings))]
    public void DeploySetting_NamesARealOption(string variable)
    {
        var path = variable["ADWATCH__".Length..].Split("__");
        var candidates = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f && (string?)f.GetRawConstantValue() == path[0])
            .ToList();
        candidates.ShouldNotBeEmpty($"no options class has Section = \"{path[0]}\" ({variable})");

        var rest = path[1..];
        candidates.ShouldContain(t => Resolves(t, rest), $"{variable}: no such property under {string.Join(", ", candidates.Select(c => c.Name))}");
    }

    [Fact]
    public void DeploySettings_FindsTheSettingsTheFilesUse()
    {
        DeploySettings().Select(d => (string)d.Data).ShouldContain("ADWATCH__Dashboard__KeysPath");
        Resolves(typeof(AdWatch.Storage.StorageOptions), ["ConectionString"]).ShouldBeFalse();
    }

    private static bool Resolves(Type type, string[] path)
    {
        foreach (var segment in path)
        {
            if (int.TryParse(segment, out _))
            {
                type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? typeof(object);
                continue;
            }
            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite && property.PropertyType.IsValueType)
            {
                return false;
            }
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }
        return true;
    }

    [GeneratedRegex("ADWATCH__[A-Za-z0-9_]+")]
    private static partial Regex Setting();
}
