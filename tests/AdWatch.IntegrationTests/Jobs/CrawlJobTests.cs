using AdWatch.Crawling;
using AdWatch.IntegrationTests.Crawling;
using AdWatch.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdWatch.IntegrationTests.Jobs;

/// <summary>The scheduled crawl job body, without a Hangfire server: what it records and what it hands to Hangfire.</summary>
public sealed class CrawlJobTests
{
    [Fact]
    public async Task RunAsync_FailsTheJob_AndRecordsAFailedRun_WhenTheSiteIsDown()
    {
        var port = LoopbackPort.Free(); // nothing listens there
        await using var h = await CrawlHarness.StartAsync(new() { ["Crawling:BaseUrlOverrides:kontaktbord"] = $"http://127.0.0.1:{port}/" });
        var jobs = new RecordingJobClient();
        var job = new CrawlJob(h.Runner, jobs, NullLogger<CrawlJob>.Instance);

        var failure = await Should.ThrowAsync<Exception>(() => job.RunAsync("kontaktbord", CrawlHarness.Ct));

        failure.Message.ShouldContain(nameof(CrawlFailedException));
        failure.Message.ShouldContain($"cannot fetch http://127.0.0.1:{port}");
        failure.Message.ShouldContain("connection refused");
        (await h.ScalarAsync("SELECT COUNT(*) FROM crawl_runs WHERE status = 'failed'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM crawl_runs WHERE status <> 'failed'")).ShouldBe(0);
        jobs.Created.ShouldBeEmpty(); // no analysis of a crawl that fetched nothing
    }

    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
