using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace AdWatch.Enforcement;

/// <summary>
/// A <see cref="YearReport"/> as CSV (UTF-8, header <c>figure,value</c>): one row per figure, field names stable English
/// (<see cref="YearReport.Rows"/>) so a spreadsheet of several years lines up.
/// </summary>
public static class YearReportCsv
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream output, YearReport report, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        csv.WriteField("figure");
        csv.WriteField("value");
        await csv.NextRecordAsync();
        foreach (var (figure, value) in report.Rows())
        {
            ct.ThrowIfCancellationRequested();
            csv.WriteField(figure);
            csv.WriteField(value);
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }
}
