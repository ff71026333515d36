using AdWatch.Privacy;

namespace AdWatch.Tests.Privacy;

public sealed class JobStoreRedactionTests
{
    [Theory]
    [InlineData("GET https://ads.example.test/ad/luna-4711?x=1 failed", "GET https://ads.example.test/[…] failed")]
    [InlineData("site https://ads.example.test unreachable", "site https://ads.example.test unreachable")]
    [InlineData("bel 06-12 34 56 78 of +31 6 1234 5678", "bel [number] of [number]")]
    [InlineData("mail luna@example.test", "mail [e-mail]")]
    [InlineData("HTTP 503 after 3 attempts, run 1234", "HTTP 503 after 3 attempts, run 1234")]
    [InlineData("", "")]
    public void Redact_MasksUrlPathsPhonesAndEmails_KeepingSitesAndSmallNumbers(string text, string expected) =>
        JobStoreRedaction.Redact(text).ShouldBe(expected);

    [Fact]
    public async Task RunAsync_RethrowsARedactedFailure_ButACancellationAsItIs()
    {
        var failure = await Should.ThrowAsync<RedactedJobException>(() => JobStoreRedaction.RunAsync(
            () => throw new InvalidOperationException("no ad at https://x.test/ad/1", new FormatException("0612345678"))));
        failure.Message.ShouldBe("System.InvalidOperationException: no ad at https://x.test/[…]");
        failure.InnerException!.Message.ShouldBe("System.FormatException: [number]");

        await Should.ThrowAsync<OperationCanceledException>(() => JobStoreRedaction.RunAsync(() => throw new OperationCanceledException()));
    }
}
