using System.Diagnostics;
using System.Text;

namespace AdWatch.Extraction;

/// <summary>
/// Runs the <c>tesseract</c> CLI once on one image: the PNG goes in on stdin and the text comes back on stdout, so
/// no temporary file is written. Recognition is restricted to digits and phone punctuation, OpenMP is held to one
/// thread (the machine is shared with the crawl), and a run that outlives its token is killed with its process tree.
/// Failure of any kind gives null: OCR is best effort and never fails an extraction.
/// </summary>
public sealed class TesseractOcr(string binary)
{
    /// <summary>
    /// The characters tesseract may answer with: what phone numbers are written with, plus the colon, comma and slash of
    /// opening hours, prices and dates. Without those, "09:00-23:00" was read as "0900-2300", a valid 0900 number;
    /// with them the text validator sees the times and masks them as it does in ad text.
    /// </summary>
    public const string Whitelist = "0123456789+-() .:,/";

    private const int MaxOutputChars = 16_384;

    /// <summary>The binary this runner starts.</summary>
    public string Binary { get; } = binary;

    /// <summary>The recognised text at page segmentation mode <paramref name="psm"/> (7: one line, 6: a block), or null.</summary>
    public async Task<string?> RecognizeAsync(byte[] png, int psm, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(png);
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[]
                 {
                     "stdin", "stdout", "--psm", psm.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", "eng",
                     "-c", "tessedit_char_whitelist=" + Whitelist, "-c", "user_defined_dpi=300",
                     "-c", "load_system_dawg=0", "-c", "load_freq_dawg=0",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["OMP_THREAD_LIMIT"] = "1";

        using var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start())
            {
                return null;
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }

        try
        {
            var stderr = process.StandardError.ReadToEndAsync(ct); // drained so a chatty run cannot block on a full pipe
            var stdout = ReadCappedAsync(process.StandardOutput, ct);
            await using (var stdin = process.StandardInput.BaseStream)
            {
                await stdin.WriteAsync(png, ct);
            }
            var text = await stdout;
            await stderr;
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? text : null;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // Timed out, cancelled, or tesseract closed its input early (an image it could not read): kill and move on.
            Kill(process);
            return null;
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, CancellationToken ct)
    {
        var text = new StringBuilder();
        var buffer = new char[4_096];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            if (text.Length < MaxOutputChars)
            {
                text.Append(buffer, 0, Math.Min(read, MaxOutputChars - text.Length));
            }
        }
        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(2_000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
