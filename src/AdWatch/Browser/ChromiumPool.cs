using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AdWatch.Browser;

/// <summary>
/// The process's one headless Chromium (through Playwright), shared by the crawler and the dossier PDF printer. Users
/// lease it; a lease asks for a fresh browser with <see cref="BrowserLease.Retire"/> (after N pages, or when it broke),
/// after which new leases get a new Chromium while the old one stays up until its last lease ends. No user can close
/// the browser under another one, and none is left behind: a browser nobody leases any more is closed at once.
/// At most <see cref="BrowserOptions.MaxLeases"/> leases are held at a time (a further one waits for a lease to end),
/// which also bounds the Chromium processes: each open browser holds at least one lease. So a worker's memory does not
/// grow with the number of jobs and dossier downloads that happen to run at once.
/// </summary>
public sealed class ChromiumPool(IOptions<BrowserOptions> options, ILogger<ChromiumPool> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _slots = new(options.Value.MaxLeases, options.Value.MaxLeases);
    private readonly List<Instance> _instances = [];
    private Instance? _current;
    private bool _warnedNoSandbox;

    /// <summary>Chromium is available (the configured path, Debian's, or Playwright's); else the one-line reason it is not.</summary>
    public string? Unavailable()
    {
        try
        {
            BrowserLocator.Resolve(options.Value.ChromiumPath);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>A lease on the running browser, starting one when there is none (or it died or was retired).</summary>
    public async Task<BrowserLease> LeaseAsync(CancellationToken ct)
    {
        if (!_slots.Wait(0))
        {
            logger.LogDebug("All {MaxLeases} Chromium leases are held (Browser:MaxLeases); waiting for one to end", options.Value.MaxLeases);
            await _slots.WaitAsync(ct);
        }
        try
        {
            return await LeaseSlotAsync(ct);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private async Task<BrowserLease> LeaseSlotAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is null || _current.Retired || !_current.Browser.IsConnected)
            {
                if (_current is not null)
                {
                    _current.Retired = true;
                    await CloseIfIdleAsync(_current);
                }
                var playwright = await Playwright.CreateAsync();
                try
                {
                    var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                    {
                        Headless = true,
                        ExecutablePath = BrowserLocator.Resolve(options.Value.ChromiumPath),
                        Args = Arguments(),
                    });
                    _current = new Instance(playwright, browser);
                    _instances.Add(_current);
                    logger.LogInformation("Started Chromium {Version}", browser.Version);
                }
                catch
                {
                    playwright.Dispose();
                    throw;
                }
            }
            _current.Leases++;
            return new BrowserLease(this, _current);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Chromium's arguments: the sandbox stays on unless the process runs as root (Chromium will not start sandboxed
    /// then) or <c>Browser:Sandbox</c> is false; without it, the warning to log says why.
    /// </summary>
    public static (IReadOnlyList<string> Args, string? Warning) LaunchArguments(bool isRoot, bool sandboxOption)
    {
        string[] common = ["--disable-dev-shm-usage", "--disable-gpu"];
        var why = !sandboxOption ? "Browser:Sandbox is false"
            : isRoot ? "the process runs as root, and Chromium does not start sandboxed as root"
            : null;
        return why is null
            ? (common, null)
            : (["--no-sandbox", .. common], $"Chromium runs without its sandbox ({why}): a hostile page that breaks the renderer reaches this process's user. Run AdWatch as an ordinary user to keep the sandbox.");
    }

    private string[] Arguments()
    {
        var (args, warning) = LaunchArguments(Environment.IsPrivilegedProcess, options.Value.Sandbox);
        if (warning is not null && !_warnedNoSandbox)
        {
            _warnedNoSandbox = true;
            logger.LogWarning("{Warning}", warning);
        }
        return [.. args];
    }

    /// <summary>How many Chromium processes this pool holds open now (tests: none after the last lease is retired).</summary>
    public int OpenBrowsers => _instances.Count;

    /// <summary>How many leases are held now (at most <see cref="BrowserOptions.MaxLeases"/>).</summary>
    public int HeldLeases => options.Value.MaxLeases - _slots.CurrentCount;

    internal async Task ReturnAsync(Instance instance, bool retire)
    {
        await _gate.WaitAsync();
        try
        {
            instance.Leases--;
            instance.Retired |= retire;
            await CloseIfIdleAsync(instance);
        }
        finally
        {
            _gate.Release();
            _slots.Release();
        }
    }

    private async Task CloseIfIdleAsync(Instance instance)
    {
        if (instance.Leases > 0 || !(instance.Retired || !instance.Browser.IsConnected))
        {
            return;
        }
        _instances.Remove(instance);
        if (_current == instance)
        {
            _current = null;
        }
        await instance.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var instance in _instances)
            {
                await instance.CloseAsync();
            }
            _instances.Clear();
            _current = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal sealed class Instance(IPlaywright playwright, IBrowser browser)
    {
        public IBrowser Browser { get; } = browser;
        public int Leases { get; set; }
        public bool Retired { get; set; }

        public async Task CloseAsync()
        {
            try
            {
                await Browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // already gone
            }
            playwright.Dispose(); // stops the driver process, which takes its browser with it
        }
    }
}

/// <summary>One user's hold on the shared Chromium. Dispose to let go; <see cref="Retire"/> first to ask for a fresh browser.</summary>
public sealed class BrowserLease : IAsyncDisposable
{
    private readonly ChromiumPool _pool;
    private readonly ChromiumPool.Instance _instance;
    private bool _retire;
    private int _returned;

    internal BrowserLease(ChromiumPool pool, ChromiumPool.Instance instance) => (_pool, _instance) = (pool, instance);

    public IBrowser Browser => _instance.Browser;

    /// <summary>The browser is closed once no lease holds it; the next <see cref="ChromiumPool.LeaseAsync"/> starts a new one.</summary>
    public void Retire() => _retire = true;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
        {
            await _pool.ReturnAsync(_instance, _retire);
        }
    }
}
