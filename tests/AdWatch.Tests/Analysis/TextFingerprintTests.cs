using AdWatch.Analysis;
using AdWatch.Extraction;

namespace AdWatch.Tests.Analysis;

public sealed class TextFingerprintTests
{
    private const string Template =
        "Hoi lieverd, ik ben {0}, net nieuw in {1}. Ik ontvang je discreet in een schoon appartement met parkeren voor de deur. " +
        "Bel of app me op {2} voor een afspraak, ook in het weekend en 's avonds laat.";

    private static ulong Hash(string name, string place, string phone) =>
        TextFingerprint.Compute(string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, name, place, phone),
            [name, place, phone]).ShouldNotBeNull();

    [Fact]
    public void Compute_IsNearlyEqual_WhenOnlyTheSlotsDiffer()
    {
        var a = Hash("Luna", "Stationslaan 14, Harderwijk", "06-12345678");
        var b = Hash("Bella", "Kerkstraat 3, Ermelo", "+57 300 111 2222");

        HammingIndex.Distance(a, b).ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public void Compute_IsFar_WhenTheTextDiffers()
    {
        var a = Hash("Luna", "Harderwijk", "0612345678");
        var other = TextFingerprint.Compute(
            "Sportieve studente geeft ontspannende massages aan huis in de regio, alleen op afspraak en nooit op zondag, vraag naar de mogelijkheden.",
            []).ShouldNotBeNull();

        HammingIndex.Distance(a, other).ShouldBeGreaterThan(10);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bel 0612345678")]
    [InlineData("1234 5678 9012 3456 7890")]
    public void Compute_ReturnsNull_WhenTooLittleTextRemains(string? text) => TextFingerprint.Compute(text, []).ShouldBeNull();

    [Fact]
    public void Compute_IgnoresAccents_AndSurvivesHugeInput()
    {
        var plain = TextFingerprint.Compute("Cafe creme en een mooie kamer met uitzicht over het water en de haven van de stad", []);
        var accented = TextFingerprint.Compute("Café crème en een mooie kamer met uitzicht over het water en de haven van de stad", []);
        accented.ShouldBe(plain);

        Should.NotThrow(() => TextFingerprint.Compute(new string('x', 5_000_000) + " \uD800 " + string.Concat(Enumerable.Repeat("woord ", 10_000)), []));
    }
}
