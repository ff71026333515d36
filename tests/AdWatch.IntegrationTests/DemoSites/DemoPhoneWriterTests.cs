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

    [Fact]
    public void Write_UsesInternationalForms_ForForeignNumbers()
    {
        DemoPhoneWriter.Write("+573105550148", DemoPhoneStyle.International).ShouldBe("+57 310 5550148");
        DemoPhoneWriter.Write("+573105550148", DemoPhoneStyle.DutchPrefixWords).ShouldBe("plus vijf zeven 3105550148");
        DemoPhoneWriter.Write("+5511985550041", DemoPhoneStyle.LookAlikeLetters).ShouldBe("+55 II9 8555OO4I");
        foreach (var style in Enum.GetValues<DemoPhoneStyle>())
            DemoPhoneWriter.Write("+5511985550041", style).ShouldNotContain("0031");
    }

    [Theory]
    // must not be accepted
    [InlineData("0612345678")]
    [InlineData("+3161234567")]
    [InlineData("+316123456789")]
    [InlineData("+3261")]
    [InlineData("573105550148")]
    [InlineData("+3161234567x")]
    [InlineData("")]
    public void Write_Throws_WhenNotE164(string input) =>
        Should.Throw<ArgumentException>(() => DemoPhoneWriter.Write(input, DemoPhoneStyle.Dashed));
}
