using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AdWatch.Extraction;

/// <summary>
/// The <c>adwatch extract --image FILE…</c> contract: the image step of extraction (<see cref="ImagePhoneReader"/>) on local
/// files, one JSON line per file in argument order, <c>{"file": …, "phones": [{"e164": …, "text": …, "source": "image"}]}</c>.
/// A file that cannot be read, is larger than <see cref="ExtractionOptions.MaxOcrImageBytes"/> or is no decodable image gives
/// one line <c>FILE: reason</c> on the error writer, and the other files are still read. Returns 0 when every file was
/// read, 1 when any was not or tesseract is missing (then the install hint is the one error line).
/// </summary>
public sealed class ImageExtractRunner(ImagePhoneReader reader, ImageFingerprinter fingerprinter, Microsoft.Extensions.Options.IOptions<ExtractionOptions> options)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<int> RunAsync(IReadOnlyList<string> files, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (!reader.IsAvailable)
        {
            await errors.WriteLineAsync(TesseractLocator.InstallHint).ConfigureAwait(false);
            return 1;
        }

        var failed = false;
        foreach (var file in files)
        {
            var (data, problem) = await ReadAsync(file, ct).ConfigureAwait(false);
            if (data is not null && fingerprinter.Compute(data) is null)
            {
                problem = "not a decodable image (or above Extraction:MaxImagePixels)";
            }
            if (problem is not null)
            {
                failed = true;
                await errors.WriteLineAsync($"{file}: {problem}").ConfigureAwait(false);
                continue;
            }
            var phones = await reader.ReadAsync(data!, ct).ConfigureAwait(false);
            await output.WriteLineAsync(Serialize(file, phones)).ConfigureAwait(false);
        }
        return failed ? 1 : 0;
    }

    private async Task<(byte[]? Data, string? Problem)> ReadAsync(string file, CancellationToken ct)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return (null, Directory.Exists(file) ? "is a directory" : "file not found");
            }
            // Checked before reading, so a huge file is not loaded to be refused.
            if (info.Length > options.Value.MaxOcrImageBytes)
            {
                return (null, $"{info.Length} bytes, above Extraction:MaxOcrImageBytes ({options.Value.MaxOcrImageBytes})");
            }
            var data = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
            return data.Length == 0 ? (null, "empty file") : (data, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, "cannot be read (" + e.Message + ")");
        }
    }

    internal static string Serialize(string file, IReadOnlyList<ImagePhone> phones)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteStartArray("phones");
            foreach (var phone in phones)
            {
                json.WriteStartObject();
                json.WriteString("e164", phone.E164);
                json.WriteString("text", phone.Text);
                json.WriteString("source", "image");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
