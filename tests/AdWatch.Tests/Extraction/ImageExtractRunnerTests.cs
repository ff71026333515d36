using AdWatch.Extraction;
using Microsoft.Extensions.Options;

namespace AdWatch.Tests.Extraction;

/// <summary>The <c>extract --image</c> runner without tesseract: one hint line, no output, a failing exit code.</summary>
public sealed class ImageExtractRunnerTests
{
    [Fact]
    public async Task RunAsync_WithoutTesseract_WritesTheInstallHint_AndFails()
    {
        var options = Options.Create(new ExtractionOptions { TesseractPath = "/nonexistent/tesseract" });
        var runner = new ImageExtractRunner(new ImagePhoneReader(options, new PhoneExtractor()), new ImageFingerprinter(options), options);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await runner.RunAsync(["a.png"], output, errors, TestContext.Current.CancellationToken);

        code.ShouldBe(1);
        output.ToString().ShouldBeEmpty();
        errors.ToString().TrimEnd().ShouldBe(TesseractLocator.InstallHint);
    }

    [Fact]
    public void Serialize_WritesTheContractShape()
    {
        ImageExtractRunner.Serialize("ad 1.png", [new ImagePhone("+31612345678", "06-12345678")])
            .ShouldBe("""{"file":"ad 1.png","phones":[{"e164":"+31612345678","text":"06-12345678","source":"image"}]}""");
    }
}
