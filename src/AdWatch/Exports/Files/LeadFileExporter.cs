using System.Globalization;
using System.Text;
using System.Text.Json;
using AdWatch.Accounts;
using AdWatch.Privacy;
using CsvHelper;
using CsvHelper.Configuration;

namespace AdWatch.Exports.Files;

/// <summary>
/// Leads as a file (CSV or JSON, UTF-8): for <c>adwatch export leads</c> and the dashboard's download. Every export is
/// audited. A file target is written to a temporary file beside it and moved into place, so no half-written file remains.
/// </summary>
public sealed class LeadFileExporter(LeadQuery leads, AuditLog audit)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes every active lead (changed since <paramref name="since"/>, if given) to a stream, for the command line; returns how many.</summary>
    public Task<int> WriteAsync(Stream output, string format, DateTimeOffset? since, string actor, CancellationToken ct) =>
        WriteAsync(output, format, since, actor, AccessScope.Everything, ct);

    /// <summary>Writes the active leads within <paramref name="scope"/> (changed since <paramref name="since"/>, if given) to a stream; returns how many.</summary>
    public async Task<int> WriteAsync(Stream output, string format, DateTimeOffset? since, string actor, AccessScope scope, CancellationToken ct)
    {
        var list = await leads.ListAsync(since, scope, ct);
        switch (format)
        {
            case ExportKinds.Csv:
                await WriteCsvAsync(output, list, ct);
                break;
            case ExportKinds.Json:
                await JsonSerializer.SerializeAsync(output, list, LeadJson.Options, ct);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Format must be csv or json.");
        }
        await output.FlushAsync(ct);
        await audit.WriteAsync(actor, "export", "leads", null,
            $"{format}, {list.Count} leads" + (since is { } s ? ", since " + Analysis.AnalysisReport.Time(s) : "")
            + (scope.IsRegionWide ? "" : ", " + scope.Describe()), ct);
        return list.Count;
    }

    /// <summary>Writes to <paramref name="path"/> atomically: a temporary file in the same folder, then a move.</summary>
    public async Task<int> WriteFileAsync(string path, string format, DateTimeOffset? since, string actor, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            int count;
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                count = await WriteAsync(stream, format, since, actor, ct);
            }
            File.Move(temp, full, overwrite: true);
            return count;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>How lead CSV is read back (tests, re-imports): plain RFC 4180.</summary>
    public static CsvConfiguration CsvConfiguration => new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    /// <summary>
    /// How lead CSV is written: a cell an ad wrote that starts with <c>= + - @</c>, a tab or a carriage return is prefixed
    /// with <c>'</c> (and quoted), so a spreadsheet shows it as text instead of running it as a formula (CSV injection). A
    /// phone's leading "+" is escaped too, which also keeps a spreadsheet from turning +31612345678 into a number.
    /// </summary>
    public static CsvConfiguration CsvWriteConfiguration => CsvConfiguration with { InjectionOptions = InjectionOptions.Escape };

    private static async Task WriteCsvAsync(Stream output, IReadOnlyList<Lead> list, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CsvWriteConfiguration);
        await csv.WriteRecordsAsync(list.Select(LeadCsvRow.From), ct);
    }
}
