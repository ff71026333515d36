using AdWatch.Extraction;

namespace AdWatch.Tests.Extraction;

public sealed class AddressTextTests
{
    [Theory]
    // case and diacritics
    [InlineData("HARDERWIJK", "harderwijk")]
    [InlineData("Café Ermelo", "cafe ermelo")]
    [InlineData("São Paulo", "sao paulo")]
    [InlineData("Straße", "strase")]
    // compatibility forms: fullwidth, mathematical bold, ligatures
    [InlineData("ＰＵＴＴＥＮ", "putten")]
    [InlineData("𝐄𝐫𝐦𝐞𝐥𝐨", "ermelo")]
    [InlineData("ﬁets", "fiets")]
    // look-alikes and invisible characters
    [InlineData("Hаrderwijk", "harderwijk")]   // Cyrillic а
    [InlineData("ΡUΤΤΕΝ", "putten")]           // Greek capitals
    [InlineData("Har\u200Bder\u00ADwijk\uFEFF", "harderwijk")]
    // broken Unicode becomes a separator instead of an exception
    [InlineData("Er\uD800melo", "er melo")]
    [InlineData("Er\uDC00melo", "er melo")]
    public void Prepare_FoldsText_ForMatching(string input, string folded)
    {
        var text = AddressText.Prepare(input);

        string.Join(' ', Enumerable.Range(0, text.Tokens.Count).Select(t => text.Token(t).ToString())).ShouldBe(folded);
        text.Folded.Length.ShouldBe(text.Original.Length);
    }

    [Fact]
    public void Prepare_CutsText_WhenLongerThanMaxLength()
    {
        var text = AddressText.Prepare(new string('a', AddressText.MaxLength * 3));

        text.Original.Length.ShouldBe(AddressText.MaxLength);
    }

    [Theory]
    [InlineData("'t Harde", "t harde")]
    [InlineData("Horst (Ermelo)", "horst ermelo")]
    [InlineData("Stadsdennen-Noord", "stadsdennen noord")]
    [InlineData("Veldwijk-'s Heerenloo", "veldwijk s heerenloo")]
    public void FoldName_JoinsWordsWithOneSpace(string name, string folded)
    {
        AddressText.FoldName(name).ShouldBe(folded);
    }
}
