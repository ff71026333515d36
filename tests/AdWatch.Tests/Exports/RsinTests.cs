using AdWatch.Exports.Zgw;

namespace AdWatch.Tests.Exports;

public sealed class RsinTests
{
    [Theory]
    // valid: pass the elfproef
    [InlineData("123456782", true)]
    [InlineData("111222333", true)]
    [InlineData("001000020", true)] // leading zeros count
    // must not match
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567820", false)]
    [InlineData("12345678a", false)]
    [InlineData("１２３４５６７８２", false)]
    [InlineData(" 23456782", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_FollowsTheElfproef(string? value, bool valid) => Rsin.IsValid(value).ShouldBe(valid);
}
