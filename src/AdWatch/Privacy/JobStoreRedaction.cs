using System.Text.RegularExpressions;

namespace AdWatch.Privacy;

/// <summary>
/// Keeps personal data out of the job store. Hangfire stores a failed job's exception (message and stack trace) and a retry's
/// reason (which quotes the message) until an operator deletes the job, beyond the reach of the retention purge; an exception
/// may quote an ad's URL, a phone or an e-mail address. Every job body runs in <see cref="RunAsync"/>, which rethrows a
/// failure as a <see cref="RedactedJobException"/>: a URL keeps only its scheme and host (the site, which the operator needs),
/// runs of seven or more digits and e-mail addresses become placeholders; the exception type and stack trace stay, for
/// diagnosis. (A Hangfire state filter cannot do this: the original failed state is kept in the job's history.)
/// </summary>
public static partial class JobStoreRedaction
{
    /// <summary>Runs a job body; a failure (not a cancellation) leaves it redacted.</summary>
    public static async Task RunAsync(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw RedactedJobException.Of(e);
        }
    }

    /// <summary>The text with URLs cut to their site, long numbers and e-mail addresses masked.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var redacted = Url().Replace(text, m => m.Groups["site"].Value + (m.Groups["rest"].Length > 0 ? "/[…]" : ""));
        redacted = Email().Replace(redacted, "[e-mail]");
        return LongNumber().Replace(redacted, "[number]");
    }

    [GeneratedRegex(@"(?<site>[a-z][a-z0-9+.-]*://[^\s/?#'""<>@]+)(?<rest>[/?#][^\s'""<>]*)?", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Url();

    [GeneratedRegex(@"[^\s@'""<>/]+@[^\s@'""<>]+\.[a-z]{2,}", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Email();

    // Seven or more digits, possibly split by spaces, dots, dashes or brackets, with an optional leading + (0612345678,
    // +31 6 1234 5678, 06-12 34 56 78). Shorter numbers (ids, counts, HTTP statuses) stay readable.
    [GeneratedRegex(@"\+?\d(?:[\s().-]*\d){6,}", RegexOptions.None, 1000)]
    private static partial Regex LongNumber();
}

/// <summary>
/// A job failure as the job store keeps it: the original type and a redacted message, the original stack trace, and the
/// inner exceptions redacted the same way.
/// </summary>
public sealed class RedactedJobException : Exception
{
    private RedactedJobException(string message, Exception? inner) : base(message, inner)
    {
    }

    public static RedactedJobException Of(Exception original)
    {
        var redacted = new RedactedJobException($"{original.GetType().FullName}: {JobStoreRedaction.Redact(original.Message)}",
            original.InnerException is { } inner ? Of(inner) : null);
        // The original frames (code locations, no data) come first in the stack trace, as for a rethrown exception.
        if (!string.IsNullOrEmpty(original.StackTrace))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.SetRemoteStackTrace(redacted, original.StackTrace);
        }
        return redacted;
    }
}
