using AdWatch.Review;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AdWatch.Exports.Dossier;

/// <summary>
/// Prints <see cref="DossierDocument"/> to an A4 PDF with Chromium (Debian's, through Playwright): JavaScript off, every
/// network request refused, the HTML set as page content. One browser is started on first use and kept; one render at a time.
/// </summary>
public sealed class DossierPdfRenderer(DossierDocument document, DossierQuery dossiers, IOptions<ExportsOptions> options, TimeProvider time,
    ILogger<DossierPdfRenderer> logger) : IDossierPdfRenderer, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

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
            var browser = await BrowserAsync();
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
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
            await CloseAsync(); // a crashed browser is started afresh next time
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }
        await CloseAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            Headless = true,
            ExecutablePath = options.Value.ChromiumPath,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        logger.LogInformation("Started Chromium for dossier PDFs");
        return _browser;
    }

    private async Task CloseAsync()
    {
        var (browser, playwright) = (_browser, _playwright);
        (_browser, _playwright) = (null, null);
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
            }
        }
        catch (PlaywrightException)
        {
            // already gone
        }
        playwright?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _gate.Dispose();
    }
}
