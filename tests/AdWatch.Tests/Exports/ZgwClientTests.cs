using AdWatch.Exports.Zgw;

namespace AdWatch.Tests.Exports;

public sealed class ZgwClientTests
{
    [Theory]
    // a taken identificatie, as Open Zaak reports it
    [InlineData("""{"invalidParams":[{"name":"identificatie","code":"identificatie-niet-uniek","reason":"Deze identificatie bestaat al."}]}""", true)]
    [InlineData("""{"invalidParams":[{"name":"nonFieldErrors","code":"identificatie-niet-uniek"}]}""", true)]
    // must not match: other validation errors, other shapes, broken JSON
    [InlineData("""{"invalidParams":[{"name":"zaaktype","code":"bad-url"}]}""", false)]
    [InlineData("""{"invalidParams":[]}""", false)]
    [InlineData("""{"detail":"identificatie"}""", false)]
    [InlineData("""[1,2]""", false)]
    [InlineData("<html>Bad Request</html>", false)]
    [InlineData("", false)]
    public void IsIdentificatieTaken_RecognisesOnlyTheDuplicateError(string body, bool taken) =>
        ZgwClient.IsIdentificatieTaken(body).ShouldBe(taken);
}
