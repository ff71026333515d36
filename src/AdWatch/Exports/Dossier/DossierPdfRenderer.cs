using AdWatch.Browser;
using AdWatch.Review;
using Microsoft.Playwright;

namespace AdWatch.Exports.Dossier;

/// <summary>
/// Prints <see cref="DossierDocument"/> to an A4 PDF with the process's one Chromium (<see cref="ChromiumPool"/>): its own
/// context per print with JavaScript off and every network request refused, the HTML set as page content; one print at a time.
/// </summary>
public sealed class DossierPdfRenderer(DossierDocument document, DossierQuery dossiers, ChromiumPool chromium, TimeProvider time)
    : IDossierPdfRenderer, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<byte[]> RenderAsync(Lead lead, CancellationToken ct)
    {
        var dossier = await dossiers.GetByFlagAsync(lead.FlagId, ct)
            ?? throw new InvalidOperationException($"Flag {lead.FlagId} has no dossier: its location is gone.");
        var html = document.Render(dossier, time.GetUtcNow());
        return await PrintAsync(html, ct);
    }

    /// <summary>Prints a self-contained HTML document.</summary>
    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var lease = await chromium.LeaseAsync(ct);
            try
            {
                await using var context = await lease.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
                await context.RouteAsync("**/*", route => route.Request.Url.StartsWith("data:", StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync());
                var page = await context.NewPageAsync();
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
                ct.ThrowIfCancellationRequested();
                return await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4",
                    PrintBackground = true,
                    Margin = new Margin { Top = "15mm", Bottom = "15mm", Left = "12mm", Right = "12mm" },
                });
            }
            catch (PlaywrightException)
            {
                lease.Retire(); // a crashed browser is started afresh next time
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
