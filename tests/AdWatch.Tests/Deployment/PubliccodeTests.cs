using System.Text.Json.Nodes;

using AdWatch.TestSupport;

namespace AdWatch.Tests.Deployment;

/// <summary>
/// publiccode.yml against the JSON Schema SchemaStore publishes for it (vendored in deploy/schemas) and against what the
/// 0.4 standard makes mandatory that the schema leaves open (longDescription and features per language, contacts for
/// community maintenance), and against the repository: the licence of LICENSE, the two UI languages, no Italian section.
/// </summary>
public sealed class PubliccodeTests
{
    private static JsonObject Publiccode(string? text = null) =>
        YamlJson.Parse(text ?? DeployFiles.Read("publiccode.yml"))!.AsObject();

    [Fact]
    public void PubliccodeYml_IsValid_AgainstItsSchema()
    {
        SchemaFile.Publiccode.Validate(Publiccode()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("softwareType: standalone/web", "softwareType: web")]
    [InlineData("  - data-analytics", "  - analytics")]
    [InlineData("  license: MIT", "  licence: MIT")]
    public void PubliccodeSchema_RejectsAFile_WithAMistake(string good, string bad)
    {
        var text = DeployFiles.Read("publiccode.yml");
        text.ShouldContain(good);

        SchemaFile.Publiccode.Validate(Publiccode(text.Replace(good, bad, StringComparison.Ordinal))).ShouldNotBeEmpty();
    }

    [Fact]
    public void PubliccodeYml_DescribesAdWatch_InDutchAndEnglish_AsTheStandardRequires()
    {
        var file = Publiccode();
        file["publiccodeYmlVersion"]!.GetValue<string>().ShouldBe("0.4");
        file["name"]!.GetValue<string>().ShouldBe("AdWatch");
        Uri.TryCreate(file["url"]!.GetValue<string>(), UriKind.Absolute, out var url).ShouldBeTrue();
        url!.Scheme.ShouldBe("https");

        var description = file["description"]!.AsObject();
        description.Select(d => d.Key).ShouldBe(["nl", "en"]);
        foreach (var (language, text) in description)
        {
            text!["shortDescription"]!.GetValue<string>().Length.ShouldBeInRange(1, 150, language);
            text["longDescription"]!.GetValue<string>().Length.ShouldBeInRange(150, 10_000, language);
            text["features"]!.AsArray().ShouldNotBeEmpty(language);
            text["features"]!.AsArray().ShouldAllBe(f => f!.GetValue<string>().Length <= 100);
        }
        file["localisation"]!["availableLanguages"]!.AsArray().Select(l => l!.GetValue<string>()).ShouldBe(["nl", "en"]);
        file.ShouldNotContainKey("it");
        file.ShouldNotContainKey("IT");
    }

    [Fact]
    public void PubliccodeYml_NamesTheLicenceOfLicenseFile_AndAContactForCommunityMaintenance()
    {
        var file = Publiccode();

        file["legal"]!["license"]!.GetValue<string>().ShouldBe("MIT");
        DeployFiles.Read("LICENSE").ShouldStartWith("MIT License");
        file["maintenance"]!["type"]!.GetValue<string>().ShouldBe("community");
        file["maintenance"]!["contacts"]!.AsArray().ShouldNotBeEmpty();
    }
}
