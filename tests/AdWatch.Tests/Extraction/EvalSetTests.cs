using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Tests.Geocoding;

namespace AdWatch.Tests.Extraction;

/// <summary>
/// Scores extraction against the synthetic evaluation set (EvalSet/evalset.jsonl, made by generate_evalset.py):
/// phone F1 over E.164 sets per ad, and municipality accuracy with the offline region resolver.
/// </summary>
public sealed class EvalSetTests(ITestOutputHelper output)
{
    private static readonly IndicatorLexicon Lexicon = IndicatorLexiconLoader.Load(RepoFiles.Path("config", "indicators.yaml"));

    [Fact]
    public async Task EvalSet_HasPhoneF1AtLeast099()
    {
        var ads = Load();
        var extractor = new GeocodingExtractor(new AdExtractor(new AdTextReader(), new PhoneExtractor(), null, Lexicon), RegionFixture.OfflineGeocoder());
        int tp = 0, fp = 0, fn = 0;
        var mistakes = new List<string>();
        foreach (var ad in ads)
        {
            var result = await Extract(extractor, ad);
            var predicted = result.Phones.Select(p => p.E164).ToHashSet();
            var gold = ad.Phones.ToHashSet();
            tp += predicted.Count(gold.Contains);
            fp += predicted.Count(p => !gold.Contains(p));
            fn += gold.Count(g => !predicted.Contains(g));
            if (!predicted.SetEquals(gold))
            {
                mistakes.Add($"{ad.Id}: expected [{string.Join(", ", gold)}] got [{string.Join(", ", predicted)}]");
            }
        }

        double precision = tp / (double)Math.Max(1, tp + fp), recall = tp / (double)Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        output.WriteLine($"ads {ads.Count}, phones {tp + fn}: TP {tp} FP {fp} FN {fn}; precision {precision:F4} recall {recall:F4} F1 {f1:F4}");
        mistakes.ForEach(output.WriteLine);

        ads.Count.ShouldBeGreaterThanOrEqualTo(300);
        f1.ShouldBeGreaterThanOrEqualTo(0.99, string.Join("\n", mistakes));
    }

    [Fact]
    public async Task EvalSet_HasMunicipalityAccuracyAtLeast097()
    {
        var ads = Load();
        var extractor = new GeocodingExtractor(new AdExtractor(new AdTextReader(), new PhoneExtractor(), RegionFixture.Addresses(), Lexicon), RegionFixture.OfflineGeocoder());
        var correct = 0;
        var mistakes = new List<string>();
        foreach (var ad in ads)
        {
            var result = await Extract(extractor, ad);
            var predicted = Municipality(result.Addresses);
            var ok = ad.Municipality switch
            {
                null => predicted is null,
                "outside" => predicted == "outside",
                var gm => predicted == gm,
            };
            correct += ok ? 1 : 0;
            if (!ok)
            {
                mistakes.Add($"{ad.Id}: expected {ad.Municipality ?? "null"} ({ad.Town}) got {predicted ?? "null"}");
            }
        }

        var accuracy = correct / (double)ads.Count;
        output.WriteLine($"ads {ads.Count}: municipality accuracy {accuracy:F4} ({correct} correct)");
        mistakes.ForEach(output.WriteLine);
        accuracy.ShouldBeGreaterThanOrEqualTo(0.97, string.Join("\n", mistakes));
    }

    /// <summary>The ad's municipality: the most precise in-region result, else "outside" when only places outside were named.</summary>
    private static string? Municipality(IReadOnlyList<GeocodedAddress> addresses)
    {
        var inRegion = addresses.Select(a => a.Place).Where(a => a.InRegion && a.MunicipalityCode is not null).OrderBy(a => a.Precision).FirstOrDefault();
        return inRegion?.MunicipalityCode ?? (addresses.Count > 0 ? "outside" : null);
    }

    private static Task<GeocodedExtraction> Extract(GeocodingExtractor extractor, EvalAd ad) =>
        ad.Html is not null
            ? extractor.ExtractHtmlAsync(ad.Html, TestContext.Current.CancellationToken)
            : extractor.ExtractTextAsync(ad.Text!, TestContext.Current.CancellationToken);

    private static List<EvalAd> Load() =>
        File.ReadLines(RepoFiles.Path("tests", "AdWatch.Tests", "Extraction", "EvalSet", "evalset.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<EvalAd>(l, JsonSerializerOptions.Web)!)
            .ToList();

    private sealed record EvalAd(string Id, string Lang, string? Text, string? Html, string[] Phones, string? Municipality, string? Town);
}
