namespace AdWatch.Browser;

/// <summary>Finds Chromium: the configured path, else Debian's <c>/usr/lib/chromium/chromium</c>, else Playwright's own install.</summary>
public static class BrowserLocator
{
    public const string DebianChromium = "/usr/lib/chromium/chromium";

    /// <summary>An executable path, or null to let Playwright use its own downloaded Chromium. Throws naming both places when neither exists.</summary>
    public static string? Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured
                : throw new InvalidOperationException($"Browser:ChromiumPath '{configured}' does not exist.");
        }
        if (File.Exists(DebianChromium))
        {
            return DebianChromium;
        }
        var cache = Environment.GetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "ms-playwright");
        if (Directory.Exists(cache) && Directory.EnumerateDirectories(cache, "chromium*").Any())
        {
            return null;
        }
        throw new InvalidOperationException(
            $"No Chromium found: neither {DebianChromium} (Debian: apt-get install chromium) nor a Playwright browser under {cache} " +
            "(pwsh bin/.../playwright.ps1 install chromium). Or set Browser:ChromiumPath.");
    }
}
