using System.Text;
using AdWatch.Evidence;

namespace AdWatch.Tests.Evidence;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public void Next_ReturnsNoTextButTheLength_WhenALineIsOverTheBound()
    {
        var reader = new BoundedLineReader(new MemoryStream(Encoding.UTF8.GetBytes("kort\r\n" + new string('x', 50) + "\nna\u00efef")), maxBytes: 10);

        reader.Next().ShouldBe(("kort", 5L));
        reader.Next().ShouldBe((null, 50L));
        reader.Next().ShouldBe(("naïef", 6L));
        reader.Next().ShouldBeNull();
    }
}
