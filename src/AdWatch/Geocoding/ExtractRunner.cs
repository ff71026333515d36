using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Storage;

namespace AdWatch.Geocoding;

/// <summary>
/// The <c>adwatch extract [--jsonl] [FILE|-]</c> contract. Without <c>--jsonl</c>: one ad (HTML or plain text,
/// detected) in, one JSON object out. With <c>--jsonl</c>: each line <c>{"id": …, "text": …}</c> or
/// <c>{"id": …, "html": …}</c> gives one output line with the id echoed; a bad line gives <c>line N: …</c> on the
/// error writer and the rest continues. Returns 0 when every ad was extracted, 1 when any line failed.
/// </summary>
/// <remarks>
/// Output is written in blocks of whole lines: the caller passes a buffered writer (the CLI: a <see cref="StreamWriter"/> on
/// standard output with a buffer larger than <see cref="FlushChars"/>), and the runner flushes it only after a line, once
/// <see cref="FlushChars"/> are pending, when the next input line is not there yet (a program that feeds one ad and waits gets
/// its answer), and at the end, on errors and on Ctrl+C. So 100,000 ads take a few hundred <c>write()</c> calls instead of
/// ~2.4 per ad, and a run stopped part-way leaves only whole lines behind.
/// </remarks>
public sealed class ExtractRunner(GeocodingExtractor extractor)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output is a data stream, not HTML: keep "+31…" and "é" readable instead of \u002B escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 16 };

    /// <summary>Pending output (in characters) after which the runner flushes: about one 64 KB <c>write()</c>.</summary>
    public const int FlushChars = 64 * 1024;

    public async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter errors, bool jsonl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            return jsonl ? await RunLinesAsync(input, output, errors, ct).ConfigureAwait(false)
                : await RunOneAsync(input, output, ct).ConfigureAwait(false);
        }
        finally
        {
            // Whatever ended the run (the input's end, a bad ad's exception, Ctrl+C): the lines written so far go out whole.
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<int> RunOneAsync(TextReader input, TextWriter output, CancellationToken ct)
    {
        var ad = await input.ReadToEndAsync(ct).ConfigureAwait(false);
        var extraction = await extractor.ExtractAsync(ad, ct).ConfigureAwait(false);
        await output.WriteLineAsync(Serialize(null, extraction)).ConfigureAwait(false);
        return 0;
    }

    private async Task<int> RunLinesAsync(TextReader input, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var failed = false;
        var number = 0;
        var pending = 0;
        while (true)
        {
            var read = input.ReadLineAsync(ct);
            if (!read.IsCompleted && pending > 0)
            {
                // The next line is not there yet: whoever feeds us may be waiting for the answers so far.
                await output.FlushAsync(ct).ConfigureAwait(false);
                pending = 0;
            }
            if (await read.ConfigureAwait(false) is not { } line)
            {
                break;
            }
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var result = await ExtractLineAsync(line, ct).ConfigureAwait(false);
            if (result.Error is not null)
            {
                failed = true;
                await errors.WriteLineAsync($"line {number}: {result.Error}").ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync(result.Json).ConfigureAwait(false);
                pending += result.Json!.Length + 1;
                if (pending >= FlushChars)
                {
                    await output.FlushAsync(ct).ConfigureAwait(false);
                    pending = 0;
                }
            }
        }

        return failed ? 1 : 0;
    }

    private async Task<(string? Json, string? Error)> ExtractLineAsync(string line, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, ReadOptions);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "expected a JSON object with \"id\" and \"text\" or \"html\"");
            }

            JsonElement? id = root.TryGetProperty("id", out var idElement) ? idElement : null;
            GeocodedExtraction extraction;
            if (root.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String)
            {
                extraction = await extractor.ExtractHtmlAsync(html.GetString()!, ct).ConfigureAwait(false);
            }
            else if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                extraction = await extractor.ExtractTextAsync(text.GetString()!, ct).ConfigureAwait(false);
            }
            else
            {
                return (null, "expected a string field \"text\" or \"html\"");
            }

            return (Serialize(id, extraction), null);
        }
    }

    /// <summary>One compact JSON object: camelCase, precision in lower case, nulls written as null.</summary>
    internal static string Serialize(JsonElement? id, GeocodedExtraction extraction)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            if (id is { } idValue)
            {
                json.WritePropertyName("id");
                idValue.WriteTo(json);
            }

            json.WriteStartArray("phones");
            foreach (var phone in extraction.Phones)
            {
                json.WriteStartObject();
                json.WriteString("e164", phone.E164);
                json.WriteString("raw", phone.Raw);
                json.WriteBoolean("obfuscated", phone.Obfuscated);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("addresses");
            foreach (var a in extraction.Addresses)
            {
                json.WriteStartObject();
                var place = a.Place;
                json.WriteString("raw", a.Raw);
                json.WriteString("street", place.Street);
                json.WriteString("houseNumber", place.HouseNumber);
                json.WriteString("postcode", place.Postcode);
                json.WriteString("place", place.Town);
                json.WriteString("municipalityCode", place.MunicipalityCode);
                json.WriteBoolean("inRegion", place.InRegion);
                json.WriteString("precision", EnumText.ToText(place.Precision));
                WriteNumber(json, "lat", place.Lat);
                WriteNumber(json, "lon", place.Lon);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("indicators");
            foreach (var hit in extraction.Indicators)
            {
                json.WriteStartObject();
                json.WriteString("code", hit.Code);
                json.WriteString("evidence", hit.Evidence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
