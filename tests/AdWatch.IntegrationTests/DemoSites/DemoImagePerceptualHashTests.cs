using AdWatch.DemoSites.Images;
using AdWatch.Extraction;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.DemoSites;

/// <summary>
/// The demo's photos must behave like real ones for the image linker: the same id is the same photo, different ids are
/// unrelated photos. Otherwise the analysis would link strangers through look-alike test images.
/// </summary>
public sealed class DemoImagePerceptualHashTests
{
    [Fact]
    public void DifferentImageIds_AreFarApart_UnderThePHashTheExtractorUses()
    {
        var renderer = new DemoImageRenderer();
        var fingerprinter = new ImageFingerprinter(Options.Create(new ExtractionOptions()));
        var hashes = Enumerable.Range(0, 120).Select(i => fingerprinter.Compute(renderer.Png($"adv-{i:D3}-p1")).ShouldNotBeNull()).ToArray();

        var closest = int.MaxValue;
        for (var i = 0; i < hashes.Length; i++)
        {
            for (var j = i + 1; j < hashes.Length; j++)
            {
                closest = Math.Min(closest, PerceptualHash.HammingDistance(hashes[i], hashes[j]));
            }
        }

        closest.ShouldBeGreaterThan(10); // well clear of the configured same-photo distance (analysis imageHammingThreshold)
        fingerprinter.Compute(renderer.Png("adv-000-p1")).ShouldBe(hashes[0]);
    }
}
