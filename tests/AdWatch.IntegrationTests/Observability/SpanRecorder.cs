using System.Collections.Concurrent;
using System.Diagnostics;
using AdWatch.Observability;

namespace AdWatch.IntegrationTests.Observability;

/// <summary>
/// The AdWatch spans that belong to the calling test: a root span of its own is started here and only spans in its trace are
/// kept (the activity source is process-wide, tests run in parallel).
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly Activity _root;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AdWatchTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == AdWatchTelemetry.Name)
                {
                    _spans.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        // A plain activity (no source, no sampling): the current span of the test's async flow, parent of what it starts.
        _root = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
    }

    /// <summary>The finished spans of this name in the test's trace, in the order they ended.</summary>
    public IReadOnlyList<Activity> Named(string name) => [.. _spans.Where(s => s.OperationName == name && s.TraceId == _root.TraceId)];

    public void Dispose()
    {
        _root.Dispose();
        _listener.Dispose();
    }
}
