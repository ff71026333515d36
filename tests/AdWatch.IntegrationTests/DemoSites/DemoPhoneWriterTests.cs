using AdWatch.DemoSites.Scenario;

namespace AdWatch.IntegrationTests.DemoSites;

public sealed class DemoPhoneWriterTests
{
    [Theory]
    // plain styles
    [InlineData(DemoPhoneStyle.Dashed, "06-12345678")]
    [InlineData(DemoPhoneStyle.Pairs, "06 12 34 56 78")]
    [InlineData(DemoPhoneStyle.International, "+31 6 12345678")]
    [InlineData(DemoPhoneStyle.DoubleZero, "0031612345678")]
    [InlineData(DemoPhoneStyle.Dotted, "06.12.34.56.78")]
    // words
    [InlineData(DemoPhoneStyle.MixedWords, "06 - 1two3 - 456 78")]
    [InlineData(DemoPhoneStyle.DutchPrefixWords, "nul zes 12345678")]
    [InlineData(DemoPhoneStyle.SpanishWords, "cero seis uno dos tres cuatro cinco seis siete ocho")]
    // look-alike characters
    [InlineData(DemoPhoneStyle.BoldDigits, "+31 𝟔 𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖")]
    [InlineData(DemoPhoneStyle.FullWidth, "０６１２３４５６７８")]
    [InlineData(DemoPhoneStyle.LookAlikeLetters, "O6-I2345678")]
    // links
    [InlineData(DemoPhoneStyle.WhatsAppLink, "https://wa.me/31612345678")]
    public void Write_RendersNumberInStyle(DemoPhoneStyle style, string expected) =>
        DemoPhoneWriter.Write("+31612345678", style).ShouldBe(expected);

    [Fact]
    public void Write_CoversEveryStyle()
    {
        foreach (var style in Enum.GetValues<DemoPhoneStyle>())
            DemoPhoneWriter.Write("+31698765432", style).ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    // must not be accepted
    [InlineData("0612345678")]
    [InlineData("+3161234567")]
    [InlineData("+316123456789")]
    [InlineData("+32612345678")]
    [InlineData("+3161234567x")]
    [InlineData("")]
    public void Write_Throws_WhenNotDutchE164(string input) =>
        Should.Throw<ArgumentException>(() => DemoPhoneWriter.Write(input, DemoPhoneStyle.Dashed));
}
