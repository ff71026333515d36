using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

public sealed class BagIdsTests
{
    [Theory]
    [InlineData("0243200000012345", "nummeraanduiding")]
    [InlineData("0243010000012345", "verblijfsobject")]
    [InlineData("0243020000012345", "ligplaats")]
    [InlineData("0243030000012345", "standplaats")]
    [InlineData("0243990000012345", "object")]
    [InlineData("024320000001234", "object")] // not 16 digits
    public void KindOf_ReadsTheObjectTypeDigits(string id, string kind) => BagIds.KindOf(id).ShouldBe(kind);

    [Fact]
    public void Label_AndViewerUrl_NameTheId()
    {
        BagIds.Label("0341200000012345").ShouldBe("BAG nummeraanduiding 0341200000012345");
        BagIds.ViewerUrl("0341200000012345").AbsoluteUri.ShouldBe("https://bagviewer.kadaster.nl/lvbag/bag-viewer/?objectId=0341200000012345");
    }
}
