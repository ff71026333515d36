using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Tests.Extraction;

namespace AdWatch.IntegrationTests.Cli;

/// <summary><c>adwatch extract --image FILE…</c> on the real executable: one JSON line per readable file, one error line per other file.</summary>
public sealed class ExtractImageCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-cli-image-");

    [Fact]
    public async Task ExtractImage_PrintsOneLinePerFile_AndNamesTheUnreadableOne()
    {
        if (PhoneImages.FontsMissing() is { } fonts)
        {
            Assert.Skip(fonts);
        }
        if (TesseractLocator.Find(null) is null)
        {
            Assert.Skip(TesseractLocator.InstallHint + " (.ci/run installs it).");
        }
        var phone = PhoneImages.Phones(1)[0];
        await File.WriteAllBytesAsync(Path.Combine(_dir.FullName, "phone.png"), phone.Png, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(_dir.FullName, "photo.png"), PhoneImages.NonPhones(6)[5].Png, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_dir.FullName, "notes.png"), "no picture here", TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "extract", "--image", "phone.png", "missing.png", "notes.png", "photo.png");

        exit.ShouldBe(1);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2, stdout);
        using (var first = JsonDocument.Parse(lines[0]))
        {
            first.RootElement.GetProperty("file").GetString().ShouldBe("phone.png");
            var found = first.RootElement.GetProperty("phones").EnumerateArray().ShouldHaveSingleItem();
            found.GetProperty("e164").GetString().ShouldBe(phone.E164);
            found.GetProperty("source").GetString().ShouldBe("image");
        }
        lines[1].ShouldBe("""{"file":"photo.png","phones":[]}""");
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.ShouldContain(e => e.StartsWith("missing.png: file not found", StringComparison.Ordinal), stderr);
        errors.ShouldContain(e => e.StartsWith("notes.png: not a decodable image", StringComparison.Ordinal), stderr);
    }

    [Fact]
    public async Task ExtractImage_WithoutFiles_IsAUsageError()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "extract", "--image");

        exit.ShouldBe(2);
        stderr.ShouldContain("--image needs one or more image files");
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
