using System.Text.Json;
using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

/// <summary>Flag reasons as stored (the report's contract is tested on the runner: AnalysisPipelineSuite.Report_*).</summary>
public sealed class AnalysisReportTests
{
    private static AnalysisResult Rotation(Timeline t, int offset, string postcode)
    {
        var house = t.Postcode(postcode);
        for (var i = 0; i < 3 + offset; i++)
        {
            t.Ad(i * 5, 4, null, $"+3161000{postcode[..4]}{i}", house, 0x0101_0101_0101_0101UL * (ulong)(i + 1 + offset * 10));
        }
        return t.Run(30);
    }

    [Fact]
    public void FlagReasonJson_RoundTrips()
    {
        var reasons = Rotation(new Timeline(), 0, "3841AB").Flagged.Single().Flag!.Reasons;

        var stored = FlagReasonJson.Serialize(reasons);
        var back = FlagReasonJson.Deserialize(stored);

        FlagReasonJson.Serialize(back).ShouldBe(stored);
        back.Select(r => (r.Code, r.Dutch, r.English)).ShouldBe(reasons.Select(r => (r.Code, r.Dutch, r.English)));
        back[0].Evidence.Ads.ShouldBe(reasons[0].Evidence.Ads);
        stored.ShouldContain("\"textEn\":");
    }
}
