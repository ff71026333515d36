using AdWatch.Exports;
using AdWatch.Exports.Files;

namespace AdWatch.Tests.Exports;

/// <summary>A CSV row is read by a person in a spreadsheet: a bidi control from an ad shows as a marker, never reorders a cell.</summary>
public sealed class LeadCsvRowTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_ShowsBidiControlsOfAdText_AsMarkers()
    {
        var lead = new Lead
        {
            LeadId = "lead-1", Status = "new", Precision = "address", Label = "Stationsstraat 12\u202E", Street = "Stations\u2066straat",
            Place = "Harderwijk\u200F", Ads = [new LeadAd(1, "kontaktbord", "http://127.0.0.1:9/\u202Egnp.exe", At, At, null, null)],
        };

        var row = LeadCsvRow.From(lead);

        row.Label.ShouldBe("Stationsstraat 12⟦U+202E⟧");
        row.Street.ShouldBe("Stations⟦U+2066⟧straat");
        row.Place.ShouldBe("Harderwijk⟦U+200F⟧");
        row.AdUrls.ShouldBe("http://127.0.0.1:9/⟦U+202E⟧gnp.exe");
    }
}
