using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>Records what would be handed to Hangfire; tests run the jobs themselves.</summary>
internal sealed class FakeJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<(Job Job, IState State)> Created { get; } = new();

    public string Create(Job job, IState state)
    {
        Created.Enqueue((job, state));
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;

    /// <summary>Export ids of the jobs created in a state (Enqueued, Scheduled).</summary>
    public IReadOnlyList<long> ExportIds(string state) =>
        [.. Created.Where(c => c.State.Name == state).Select(c => (long)c.Job.Args[0])];
}
