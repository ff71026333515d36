using AdWatch.Geocoding;
using Hangfire;

namespace AdWatch.Analysis;

/// <summary>
/// An analyst marks a phone <c>ok</c>, <c>generic</c> or <c>bad</c>: the status is stored at once and the analysis re-runs in the
/// background (<see cref="AnalysisJob.RerunAsync"/>), dropping or restoring every link through that phone — never inside the
/// web request, and never alongside another run.
/// </summary>
public sealed class PhoneMarking(ExtractionStore phones, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>Stores the status and enqueues the re-run; false, changing nothing, when the number is unknown.</summary>
    public async Task<bool> MarkAsync(string e164, string status, string? note, string by, CancellationToken ct)
    {
        if (!await phones.SetPhoneStatusAsync(e164, status, note, by, time.GetUtcNow(), ct))
        {
            return false;
        }
        jobs.Enqueue<AnalysisJob>(j => j.RerunAsync(CancellationToken.None));
        return true;
    }
}
