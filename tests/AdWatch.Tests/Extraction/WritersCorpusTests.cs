using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Tests.Geocoding;

namespace AdWatch.Tests.Extraction;

/// <summary>
/// Scores extraction against the second evaluation corpus (EvalSet/writers.jsonl, made by generate_writers.py): ads by
/// six "writers" with their own habits, unlike the demo and the first set, with truth from the generator. Prints the
/// figures and every mistake with the writings (cases) the ad contained. Targets: phone F1 ≥ 0.99 (met and asserted),
/// municipality accuracy ≥ 0.98 and full-address accuracy (postcode + number in one record) ≥ 0.97 (not met yet: those two
/// tests assert the measured floor, 0.79 and 0.75, so a change can only raise them; raise the floor with every fix).
/// </summary>
public sealed class WritersCorpusTests(ITestOutputHelper output)
{
    /// <summary>Measured 2026-12-03 (286 of 360 correct); the target is 0.98.</summary>
    private const double MunicipalityFloor = 0.79;

    /// <summary>Measured 2026-12-03 (273 of 360 correct); the target is 0.97.</summary>
    private const double FullAddressFloor = 0.75;

    private static readonly IndicatorLexicon Lexicon = IndicatorLexiconLoader.Load(RepoFiles.Path("config", "indicators.yaml"));

    private static readonly Lazy<List<CorpusAd>> Ads = new(() =>
        File.ReadLines(RepoFiles.Path("tests", "AdWatch.Tests", "Extraction", "EvalSet", "writers.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<CorpusAd>(l, JsonSerializerOptions.Web)!)
            .ToList());

    [Fact]
    public async Task WritersCorpus_HasPhoneF1AtLeast099()
    {
        var extractor = new GeocodingExtractor(new AdExtractor(new AdTextReader(), new PhoneExtractor(), null, Lexicon), RegionFixture.OfflineGeocoder());
        int tp = 0, fp = 0, fn = 0;
        var mistakes = new List<CorpusAd>();
        foreach (var ad in Ads.Value)
        {
            var result = await Extract(extractor, ad);
            var predicted = result.Extraction.Phones.Select(p => p.E164).ToList();
            var gold = ad.Phones.ToHashSet();
            // A number found twice in one ad is one phone: the second is a false positive.
            var distinct = predicted.Distinct().ToList();
            tp += distinct.Count(gold.Contains);
            fp += distinct.Count(p => !gold.Contains(p)) + (predicted.Count - distinct.Count);
            fn += gold.Count(g => !distinct.Contains(g));
            if (!distinct.ToHashSet().SetEquals(gold) || predicted.Count != distinct.Count)
            {
                mistakes.Add(ad with { Got = $"[{string.Join(", ", predicted)}] expected [{string.Join(", ", gold)}]" });
            }
        }

        double precision = tp / (double)Math.Max(1, tp + fp), recall = tp / (double)Math.Max(1, tp + fn);
        var f1 = 2 * precision * recall / Math.Max(1e-9, precision + recall);
        Report($"phones {tp + fn}: TP {tp} FP {fp} FN {fn}; precision {precision:F4} recall {recall:F4} F1 {f1:F4}", mistakes, "phone:");
        f1.ShouldBeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public async Task WritersCorpus_MunicipalityAccuracy_DoesNotFallBelowItsFloor()
    {
        var extractor = Full();
        var mistakes = new List<CorpusAd>();
        foreach (var ad in Ads.Value)
        {
            var predicted = Municipality((await Extract(extractor, ad)).Addresses);
            if (predicted != ad.Municipality)
            {
                mistakes.Add(ad with { Got = $"{predicted ?? "none"} expected {ad.Municipality ?? "none"} ({ad.Town ?? "-"})" });
            }
        }

        var accuracy = 1 - mistakes.Count / (double)Ads.Value.Count;
        Report($"municipality accuracy {accuracy:F4} ({Ads.Value.Count - mistakes.Count} correct)", mistakes, "town:");
        accuracy.ShouldBeGreaterThanOrEqualTo(MunicipalityFloor);
    }

    [Fact]
    public async Task WritersCorpus_FullAddressAccuracy_DoesNotFallBelowItsFloor()
    {
        var extractor = Full();
        var mistakes = new List<CorpusAd>();
        var withAddress = 0;
        foreach (var ad in Ads.Value)
        {
            var places = (await Extract(extractor, ad)).Addresses.Select(a => a.Place).ToList();
            withAddress += ad.Address is null ? 0 : 1;
            // One record: the address with its postcode, and no second location for the same house (its postcode or street alone).
            var addresses = places.Where(p => p.Precision == GeoPrecision.Address && p.Postcode is not null)
                .Select(p => $"{p.Postcode} {Compact(p.HouseNumber)}").Distinct().ToList();
            var expected = ad.Address is null ? [] : new List<string> { $"{ad.Address.Postcode} {ad.Address.Number}" };
            var split = ad.Address is not null && places.Any(p => p.Precision is GeoPrecision.Postcode or GeoPrecision.Street);
            if (!addresses.ToHashSet().SetEquals(expected) || split)
            {
                var got = string.Join("; ", places.Select(p => $"{p.Precision}:{p.Label}"));
                mistakes.Add(ad with { Got = $"[{got}] expected [{string.Join(", ", expected)}]" });
            }
        }

        var accuracy = 1 - mistakes.Count / (double)Ads.Value.Count;
        Report($"full-address accuracy {accuracy:F4} over {Ads.Value.Count} ads, {withAddress} with postcode and number", mistakes, "address:");
        accuracy.ShouldBeGreaterThanOrEqualTo(FullAddressFloor);
    }

    [Fact]
    public void WritersCorpus_CoversEveryWriterAndHardWriting()
    {
        var ads = Ads.Value;
        ads.Count.ShouldBeGreaterThanOrEqualTo(300);
        ads.Select(a => a.Writer).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        new[] { "nl", "en", "es", "pt" }.Except(ads.Select(a => a.Lang)).ShouldBeEmpty();
        ads.Count(a => a.Format == "html").ShouldBeGreaterThanOrEqualTo(30);
        var cases = ads.SelectMany(a => a.Cases).ToHashSet();
        new[] {
            "phone:flag-national", "phone:country-word-national", "phone:nl-number-words", "phone:pt-meia", "phone:spelled-plus",
            "phone:oh-for-zero", "phone:digit-words-separated", "phone:lookalike-letters", "phone:written-twice",
            "noise:code-then-line", "town:label", "town:brackets", "town:caps", "town:between", "town:outside-near-region-town",
            "address:pc-first", "address:pc-nr", "address:pc-brackets", "address:addition", "address:abbreviated",
        }.Except(cases).ShouldBeEmpty();
    }

    private void Report(string figures, List<CorpusAd> mistakes, string category)
    {
        output.WriteLine($"writers corpus: {Ads.Value.Count} ads; {figures}");
        foreach (var group in mistakes.SelectMany(m => m.Cases.Where(c => c.StartsWith(category, StringComparison.Ordinal)).DefaultIfEmpty("(other)"))
                     .GroupBy(c => c).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  {group.Key}: {group.Count()} mistakes");
        }
        foreach (var m in mistakes)
        {
            output.WriteLine($"{m.Id} [{string.Join(' ', m.Cases)}]: got {m.Got}\n    {(m.Text ?? m.Html)!.Replace("\n", " ⏎ ", StringComparison.Ordinal)}");
        }
    }

    /// <summary>
    /// The ad's municipality: the most precise in-region place with a code; else "outside" when a named place lies outside the
    /// region; else none (no place, or only one that could be either of two municipalities).
    /// </summary>
    private static string? Municipality(IReadOnlyList<GeocodedAddress> addresses)
    {
        var places = addresses.Select(a => a.Place).ToList();
        var inRegion = places.Where(p => p.InRegion && p.MunicipalityCode is not null).OrderBy(p => p.Precision).FirstOrDefault();
        return inRegion?.MunicipalityCode ?? (places.Any(p => !p.InRegion && (p.MunicipalityCode ?? p.Town) is not null) ? "outside" : null);
    }

    private static GeocodingExtractor Full() =>
        new(new AdExtractor(new AdTextReader(), new PhoneExtractor(), RegionFixture.Addresses(), Lexicon), RegionFixture.OfflineGeocoder());

    private static string Compact(string? number) =>
        number is null ? "" : string.Concat(number.Where(char.IsLetterOrDigit)).ToUpperInvariant();

    private static Task<GeocodedExtraction> Extract(GeocodingExtractor extractor, CorpusAd ad) =>
        ad.Html is not null
            ? extractor.ExtractHtmlAsync(ad.Html, TestContext.Current.CancellationToken)
            : extractor.ExtractTextAsync(ad.Text!, TestContext.Current.CancellationToken);

    private sealed record CorpusAd(string Id, string Writer, string Lang, string Format, string? Text, string? Html, string[] Phones,
        string? Municipality, string? Town, CorpusAddress? Address, string[] Cases, string? Got = null);

    private sealed record CorpusAddress(string Postcode, string Number);
}
