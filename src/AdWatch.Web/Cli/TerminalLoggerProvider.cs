using Spectre.Console;
using Spectre.Console.Rendering;

namespace AdWatch.Web.Cli;

/// <summary>
/// Logs on a terminal: one short line per entry (<c>warning: …</c>), written through <see cref="TerminalConsole.Error"/> so that a
/// live progress line stays whole below it. Stack traces only with <c>--verbose</c>: on a terminal a person reads the message,
/// and the exception's own message says what went wrong. Levels are filtered by the logging configuration, not here.
/// </summary>
internal sealed class TerminalLoggerProvider(bool verbose) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TerminalLogger(categoryName, verbose);

    public void Dispose()
    {
    }

    /// <summary>
    /// Erases the line before writing: Spectre writes a log line from the start of the live progress line but does not clear
    /// what the (longer) progress text leaves to its right.
    /// </summary>
    private sealed class WholeLine(IRenderable line) : Renderable
    {
        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            [Segment.Control("\u001b[2K"), .. line.Render(options, maxWidth)];
    }

    private sealed class TerminalLogger(string category, bool verbose) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var (label, style) = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => ("error", new Style(Color.Red)),
                LogLevel.Warning => ("warning", new Style(Color.Yellow)),
                LogLevel.Information => ("info", Style.Plain),
                _ => ("debug", new Style(decoration: Decoration.Dim)),
            };
            var message = TerminalText.Escape(formatter(state, exception));
            if (exception is not null)
            {
                message += verbose ? Environment.NewLine + exception : $" ({TerminalText.Escape(exception.Message)})";
            }
            var source = verbose ? $" [{category}]" : "";
            var text = new Paragraph();
            text.Append(label + ": ", style);
            text.Append(message + source + Environment.NewLine);
            TerminalConsole.Error.Write(new WholeLine(text));
        }
    }
}
