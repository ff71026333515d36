using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

public sealed class AnalysisOptionsLoaderTests
{
    private static AnalysisOptions Parse(string yaml) => AnalysisOptionsLoader.Parse(new StringReader(yaml), "analysis.yaml");

    [Fact]
    public void Load_GivesTheDefaults_ForTheShippedFile()
    {
        var shipped = AnalysisOptionsLoader.Load(Path.Combine(RepoRoot(), "config", "analysis.yaml"));
        var defaults = new AnalysisOptions();

        System.Text.Json.JsonSerializer.Serialize(shipped).ShouldBe(System.Text.Json.JsonSerializer.Serialize(defaults));
    }

    [Fact]
    public void Parse_ReadsValues()
    {
        var options = Parse("""
            windowDays: 60
            gapToleranceDays: 0
            language: en
            weights:
              operator: 0.5
              advertisersSaturation: 4
            """);

        (options.WindowDays, options.GapToleranceDays, options.Language, options.Weights.Operator,
            options.Weights.AdvertisersSaturation, options.MinAdvertisers).ShouldBe((60, 0, "en", 0.5, 4, 3));
    }

    [Theory]
    [InlineData("windowDays: 90\nminAdvertisers: 0\n", "analysis.yaml:2: minAdvertisers must be at least 1")]
    [InlineData("windowDays: ninety\n", "analysis.yaml:1: windowDays: expected a whole number, got 'ninety'")]
    [InlineData("\nshortStayDays: 7\n", "analysis.yaml:2: shortStayDays: unknown setting")]
    [InlineData("weights:\n  touring: -1\n", "analysis.yaml:2: weights.touring must be 0 or more")]
    [InlineData("weights:\n  fame: 1\n", "analysis.yaml:2: weights.fame: unknown weight")]
    [InlineData("region: [GM0243]\n", "analysis.yaml:1: region: the region is configured only as Region:MunicipalityCodes")]
    [InlineData("language: de\n", "analysis.yaml:1: language must be 'nl' or 'en'")]
    [InlineData("windowDays: 120\nflagActiveDays: 100\n", "analysis.yaml:2: flagActiveDays must be at least windowDays (120)")]
    [InlineData("windowDays: [1\n", "analysis.yaml:")]
    [InlineData("- a\n- b\n", "analysis.yaml:1: expected a mapping")]
    public void Parse_NamesFileLineAndField_WhenInvalid(string yaml, string expected) =>
        Should.Throw<AnalysisConfigException>(() => Parse(yaml)).Message.ShouldContain(expected);

    [Fact]
    public void Load_GivesTheDefaults_WhenFileIsMissingOrEmpty()
    {
        AnalysisOptionsLoader.Load("/nonexistent/analysis.yaml").WindowDays.ShouldBe(90);
        Parse("").MinAdvertisers.ShouldBe(3);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdWatch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("AdWatch.sln not found");
    }
}
