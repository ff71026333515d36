namespace AdWatch.Web.Cli;

/// <summary>
/// A problem the user can fix (bad config, missing file, unreachable site). The CLI prints the message — which names
/// the file, field or URL and what to do — without a stack trace, and exits with <see cref="ExitCode"/>.
/// </summary>
internal sealed class UserError(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
