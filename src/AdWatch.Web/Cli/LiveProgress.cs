using Spectre.Console;
using Spectre.Console.Rendering;

namespace AdWatch.Web.Cli;

/// <summary>
/// The live progress line on a terminal's stderr: label, bar, percentage, elapsed time and the latest status, cut to the
/// screen's width so it stays one line. It runs in Spectre's live display until <see cref="Complete"/> or
/// <see cref="Dispose"/>; logs written through <see cref="TerminalConsole.Error"/> meanwhile appear above it.
/// </summary>
internal sealed class LiveProgress : IDisposable
{
    private const int BarWidth = 24;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _display;
    private readonly ProgressTask _task;
    private readonly int _fixedWidth;
    private volatile string _status = "";

    private LiveProgress(string label)
    {
        // Label, bar, "100%" and "00:00:00", each followed by a space: the status gets the rest of the line.
        _fixedWidth = label.Length + 1 + BarWidth + 1 + 4 + 1 + 8 + 1;
        var started = new TaskCompletionSource<ProgressTask>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Progress(TerminalConsole.Error)
            .AutoClear(false)
            .HideCompleted(false)
            .ExcludeVerticalPadding()
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn { Width = BarWidth },
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new StatusColumn(this));
        _display = progress.StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(label), maxValue: 1);
            task.IsIndeterminate = true;
            started.SetResult(task);
            await _done.Task;
            context.Refresh();
        });
        // A display that cannot start (another live display runs) must fail here, not leave the verb waiting for its task.
        Task.WhenAny(started.Task, _display).GetAwaiter().GetResult();
        _task = started.Task.IsCompletedSuccessfully ? started.Task.Result : throw _display.Exception!.InnerException!;
    }

    public static LiveProgress Start(string label) => new(label);

    public void Report(string status, double? fraction)
    {
        _status = status;
        if (fraction is { } f)
        {
            _task.IsIndeterminate = false;
            _task.Value = Math.Clamp(f, 0, 1);
        }
    }

    /// <summary>
    /// Ends the display without a status (the caller prints the final one as a line of its own): the bar full when the work is
    /// <paramref name="finished"/>, else where it stopped.
    /// </summary>
    public void Complete(bool finished)
    {
        _status = "";
        _task.IsIndeterminate = false;
        if (finished)
        {
            _task.Value = 1;
        }
        Dispose();
    }

    public void Dispose()
    {
        _done.TrySetResult();
        _display.GetAwaiter().GetResult();
    }

    /// <summary>The latest status, never wrapped: one line however long the status or narrow the terminal.</summary>
    private sealed class StatusColumn(LiveProgress owner) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override int? GetColumnWidth(RenderOptions options) => Math.Max(10, options.ConsoleSize.Width - owner._fixedWidth - 1);

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            // Cut here: Spectre would wrap a long status at a space, even in a no-wrap column.
            var width = GetColumnWidth(options)!.Value;
            var status = TerminalText.Escape(owner._status);
            return new Text(status.Length > width ? status[..(width - 1)] + "…" : status);
        }
    }
}
