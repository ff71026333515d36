using AdWatch.Geocoding;
using AdWatch.Storage;

namespace AdWatch.Tests.Storage;

public sealed class EnumTextTests
{
    public enum Sample { Open, InReview, HttpError }

    [Theory]
    [InlineData(Sample.Open, "open")]
    [InlineData(Sample.InReview, "in_review")]
    [InlineData(Sample.HttpError, "http_error")]
    public void ToText_IsSnakeCase_AndParsesBack(Sample value, string text)
    {
        value.ToText().ShouldBe(text);
        EnumText.Parse<Sample>(text).ShouldBe(value);
    }

    [Fact]
    public void Parse_RefusesUnknownText_NamingTheType()
    {
        Should.Throw<FormatException>(() => EnumText.Parse<Sample>("InReview")).Message.ShouldBe("'InReview' is not a stored Sample");
        EnumText.TryParse<Sample>(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void All_ListsEveryStoredText_InDeclarationOrder() =>
        EnumText.All<GeoPrecision>().ShouldBe(Enum.GetNames<GeoPrecision>().Select(EnumText.SnakeCase));
}
