using AdWatch.Html;

namespace AdWatch.Tests.Html;

/// <summary>Ad text shown to a person: invisible format characters become visible markers, long text is cut and counted.</summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("\u202Egnp.exe", "⟦U+202E⟧gnp.exe")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", "a⟦U+202A⟧b⟦U+202B⟧c⟦U+202C⟧d⟦U+202D⟧e")]
    [InlineData("\u2066x\u2067y\u2068z\u2069", "⟦U+2066⟧x⟦U+2067⟧y⟦U+2068⟧z⟦U+2069⟧")]
    [InlineData("l\u200Er\u200Fa\u061C", "l⟦U+200E⟧r⟦U+200F⟧a⟦U+061C⟧")]
    [InlineData("zero\u200Bwidth\uFEFF", "zero⟦U+200B⟧width⟦U+FEFF⟧")]
    [InlineData("tag\U000E0041", "tag⟦U+E0041⟧")]
    public void Show_MarksEveryInvisibleFormatCharacter(string text, string shown) =>
        VisibleText.Show(text).ShouldBe(shown);

    [Theory]
    [InlineData("Lisa uit Harderwijk, 06-12345678")]
    [InlineData("Anoniem 👩‍❤️‍👨 مرحبا שלום")]
    [InlineData("")]
    public void Show_LeavesOrdinaryTextAlone(string text) =>
        VisibleText.Show(text).ShouldBeSameAs(text);

    [Fact]
    public void Show_KeepsNull() => VisibleText.Show(null).ShouldBeNull();

    [Fact]
    public void Body_CutsAtTheLimit_AndCountsTheRest()
    {
        var (shown, more) = VisibleText.Body(new string('x', 1_000_000));

        shown.Length.ShouldBe(VisibleText.MaxBodyChars);
        more.ShouldBe(1_000_000 - VisibleText.MaxBodyChars);
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var (shown, more) = VisibleText.Cut("ab😀cd", 3);

        shown.ShouldBe("ab");
        more.ShouldBe(4);
    }

    [Fact]
    public void Line_CutsALongFieldWithAnEllipsis() =>
        VisibleText.Line(new string('t', 10_000)).ShouldBe(new string('t', VisibleText.MaxLineChars) + " …");
}
