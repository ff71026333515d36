namespace AdWatch.Extraction;

/// <summary>
/// Finds Debian's <c>tesseract</c> binary: the configured <see cref="ExtractionOptions.TesseractPath"/> when set,
/// otherwise the first executable <c>tesseract</c> on PATH. OCR is optional, like Chromium: without the binary ads
/// are still extracted, only phones written inside images are not read.
/// </summary>
public static class TesseractLocator
{
    /// <summary>What to tell the operator when the binary is missing: one line, with the fix.</summary>
    public const string InstallHint = "tesseract not found: apt-get install tesseract-ocr (or set Extraction:TesseractPath)";

    /// <summary>The binary to run, or null when there is none.</summary>
    public static string? Find(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            // A configured path that does not exist is not silently replaced by another tesseract.
            return IsExecutable(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "tesseract.exe" : "tesseract");
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string file)
    {
        try
        {
            if (!File.Exists(file))
            {
                return false;
            }
            return OperatingSystem.IsWindows()
                   || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
