using System.Text.Json;
using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

/// <summary>The <c>adwatch analyze --json</c> contract: field names, order of flags, language of reasons.</summary>
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
    public void ToJson_FollowsTheContract()
    {
        var t = new Timeline();
        Rotation(t, 0, "3841AB");
        Rotation(t, 3, "3842CD");
        var tour = t.Ad(0, 3, "Luna", "+31699990000", t.Town("Zwolle", "GM0193"));
        t.Change(tour, 5, 3, "Luna", "+31699990000", t.Town("Ermelo", "GM0233"));
        t.Change(tour, 10, 3, "Luna", "+31699990000", t.Town("Amersfoort", "GM0307"));
        var result = t.Run(30);

        using var json = JsonDocument.Parse(AnalysisReport.From(result, new AnalysisOptions(), null).ToJson());
        var root = json.RootElement;

        root.EnumerateObject().Select(p => p.Name).ShouldBe(["asOf", "region", "locations", "touring"]);
        root.GetProperty("asOf").GetString().ShouldBe("2023-07-01T12:00:00Z");
        root.GetProperty("region").EnumerateArray().Select(e => e.GetString()).ShouldBe(["GM0243", "GM0233", "GM0273"]);
        var locations = root.GetProperty("locations").EnumerateArray().ToList();
        locations.Count.ShouldBe(2);
        locations[0].EnumerateObject().Select(p => p.Name).ShouldBe(["id", "label", "precision", "street", "houseNumber", "postcode",
            "municipalityCode", "lat", "lon", "score", "advertisers", "shortStays", "firstSeen", "lastSeen", "status", "reasons", "phones", "ads"]);
        locations[0].GetProperty("score").GetDouble().ShouldBeGreaterThan(locations[1].GetProperty("score").GetDouble());
        (locations[0].GetProperty("postcode").GetString(), locations[0].GetProperty("advertisers").GetInt32()).ShouldBe(("3842CD", 6));
        locations[0].GetProperty("street").ValueKind.ShouldBe(JsonValueKind.Null);
        locations[0].GetProperty("status").GetString().ShouldBe("new");
        locations[0].GetProperty("firstSeen").GetString().ShouldBe("2023-06-01T00:00:00Z");
        var reason = locations[0].GetProperty("reasons")[0];
        (reason.GetProperty("code").GetString(), reason.GetProperty("text").GetString()).ShouldBe(
            ("rotation", "6 verschillende adverteerders verbleven hier kort (hooguit 7 dagen) binnen 90 dagen."));
        reason.GetProperty("evidence").GetProperty("ads")[0].ValueKind.ShouldBe(JsonValueKind.String);
        locations[0].GetProperty("phones")[0].GetString()!.ShouldStartWith("+31");
        var touring = root.GetProperty("touring").EnumerateArray().Single();
        touring.GetProperty("advertiser").GetString().ShouldBe("Luna");
        touring.GetProperty("places").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Zwolle", "Ermelo", "Amersfoort"]);
        touring.GetProperty("phones").EnumerateArray().Select(e => e.GetString()).ShouldBe(["+31699990000"]);
    }

    [Fact]
    public void From_WritesReasonsInEnglish_WhenConfigured()
    {
        var result = Rotation(new Timeline(), 0, "3841AB");

        var report = AnalysisReport.From(result, new AnalysisOptions { Language = "en" }, null);

        report.Locations.Single().Reasons[0].Text.ShouldBe("3 different advertisers stayed here briefly (at most 7 days) within 90 days.");
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
