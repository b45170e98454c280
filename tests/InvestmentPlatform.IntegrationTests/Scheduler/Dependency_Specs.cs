using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Scheduler.Jobs;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Scheduler.SchedulerApiClient;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

[Collection(IntegrationCollection.Name)]
public sealed class When_jobs_form_a_chain : SchedulerSpec
{
    private readonly TestPipeline _pipeline = new();
    private Guid _a, _b, _c;

    protected override async Task StartedAsync()
    {
        await _pipeline.ConnectAsync(Host);
        _a = await Host.CreateJobAsync(Job("chain-a", Interval(3600)));
        _b = await Host.CreateJobAsync(Job("chain-b", OnDependencies(), [_a]));
        _c = await Host.CreateJobAsync(Job("chain-c", OnDependencies(), [_b]));
    }

    [Fact]
    public async Task Should_run_each_job_after_its_upstream_succeeded()
    {
        var root = await Host.TriggerAsync(_a);

        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(_c)).Any(r => r.Status == RunStatuses.Succeeded)));
        var a = Assert.Single(await Host.RunsAsync(_a));
        var b = Assert.Single(await Host.RunsAsync(_b));
        var c = Assert.Single(await Host.RunsAsync(_c));
        Assert.Equal(RunTriggers.Manual, a.Trigger);
        Assert.All(new[] { b, c }, r => Assert.Equal(RunTriggers.Dependency, r.Trigger));
        Assert.All(new[] { a, b, c }, r => Assert.Equal(root, r.ChainId));
        Assert.True(b.StartedAt >= a.FinishedAt, $"B started {b.StartedAt:o} before A finished {a.FinishedAt:o}");
        Assert.True(c.StartedAt >= b.FinishedAt, $"C started {c.StartedAt:o} before B finished {b.FinishedAt:o}");
        var order = _pipeline.Requests.Select(r => r.JobId).ToList();
        Assert.Equal([_a, _b, _c], order);
    }

    [Fact]
    public async Task Should_skip_the_dependents_of_a_failed_job_with_the_reason()
    {
        _pipeline.Answer = r => r.JobId == _a ? TestPipeline.Failed(r, ErrorClass.BadRequest, "bad parameters") : TestPipeline.Completed(r, 1);
        await Host.TriggerAsync(_a);

        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(_c)).Count == 1));
        var a = Assert.Single(await Host.RunsAsync(_a));
        var b = Assert.Single(await Host.RunsAsync(_b));
        var c = Assert.Single(await Host.RunsAsync(_c));
        Assert.Equal(RunStatuses.Failed, a.Status);
        Assert.Equal("BadRequest", a.ErrorClass);
        Assert.Equal(RunStatuses.Skipped, b.Status);
        Assert.Contains("Upstream job 'chain-a' failed", b.ErrorMessage);
        Assert.Equal(RunStatuses.Skipped, c.Status);
        Assert.Contains("Upstream job 'chain-b' skipped", c.ErrorMessage);
        Assert.DoesNotContain(_pipeline.Requests, r => r.JobId == _b || r.JobId == _c);
    }

    [Fact]
    public async Task Should_retry_a_transient_failure_with_backoff_before_running_dependents()
    {
        var job = await Host.GetAsync<JobDto>($"/api/scheduler/jobs/{_a}");
        var update = Job("chain-a", Interval(3600), maxRetries: 2);
        using (var put = await Host.CreateClient().PutAsync($"/api/scheduler/jobs/{job.Id}",
                   System.Net.Http.Json.JsonContent.Create(update, options: SchedulerHost.Json)))
            put.EnsureSuccessStatusCode();
        var attempts = 0;
        _pipeline.Answer = r => r.JobId == _a && Interlocked.Increment(ref attempts) == 1
            ? TestPipeline.Failed(r, ErrorClass.Transient, "socket closed")
            : TestPipeline.Completed(r, 5);

        await Host.TriggerAsync(_a);

        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(_c)).Any(r => r.Status == RunStatuses.Succeeded)));
        var runs = (await Host.RunsAsync(_a)).OrderBy(r => r.Attempt).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal((RunStatuses.Failed, 1, RunTriggers.Manual), (runs[0].Status, runs[0].Attempt, runs[0].Trigger));
        Assert.Equal((RunStatuses.Succeeded, 2, RunTriggers.Retry), (runs[1].Status, runs[1].Attempt, runs[1].Trigger));
        Assert.True(runs[1].StartedAt >= runs[0].FinishedAt!.Value.AddSeconds(0.9), "the retry waited for its backoff");
        Assert.Single(await Host.RunsAsync(_b));
    }

    [Fact]
    public async Task Should_time_out_a_run_that_gets_no_answer()
    {
        using (var put = await Host.CreateClient().PutAsync($"/api/scheduler/jobs/{_a}",
                   System.Net.Http.Json.JsonContent.Create(Job("chain-a", Interval(3600), timeoutSeconds: 2), options: SchedulerHost.Json)))
            put.EnsureSuccessStatusCode();
        _pipeline.Answer = _ => null;

        await Host.TriggerAsync(_a);

        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(_b)).Count == 1, 20));
        var a = Assert.Single(await Host.RunsAsync(_a));
        Assert.Equal(RunStatuses.TimedOut, a.Status);
        Assert.Equal("Timeout", a.ErrorClass);
        Assert.InRange(a.DurationMs!.Value, 2000, 6000);
        Assert.Equal(RunStatuses.Skipped, Assert.Single(await Host.RunsAsync(_b)).Status);
    }

    [Fact]
    public async Task Should_reject_a_change_that_closes_a_cycle_naming_it()
    {
        using var response = await Host.CreateClient().PutAsync($"/api/scheduler/jobs/{_a}",
            System.Net.Http.Json.JsonContent.Create(Job("chain-a", OnDependencies(), [_c]), options: SchedulerHost.Json));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(409, (int)response.StatusCode);
        Assert.Contains("chain-a → chain-c → chain-b → chain-a", body);
        var self = await Host.CreateClient().PutAsync($"/api/scheduler/jobs/{_b}",
            System.Net.Http.Json.JsonContent.Create(Job("chain-b", OnDependencies(), [_b]), options: SchedulerHost.Json));
        Assert.Equal(409, (int)self.StatusCode);
        var graph = await Host.GetAsync<JobGraph>("/api/scheduler/graph");
        Assert.Equal(3, graph.Nodes.Count);
        Assert.Equal([new GraphEdge(_a, _b), new GraphEdge(_b, _c)], graph.Edges.OrderBy(e => e.From == _a ? 0 : 1).ToList());
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_job_others_depend_on()
    {
        var referenced = await Host.CreateClient().DeleteAsync($"/api/scheduler/jobs/{_b}");
        Assert.Equal(409, (int)referenced.StatusCode);
        Assert.Contains("'chain-c' depend on it", await referenced.Content.ReadAsStringAsync());

        Assert.Equal(204, (int)(await Host.CreateClient().DeleteAsync($"/api/scheduler/jobs/{_c}")).StatusCode);
        Assert.Equal(204, (int)(await Host.CreateClient().DeleteAsync($"/api/scheduler/jobs/{_b}")).StatusCode);
        Assert.Equal(404, (int)(await Host.CreateClient().DeleteAsync($"/api/scheduler/jobs/{_b}")).StatusCode);
        Assert.Equal([_a], (await Host.GetAsync<JobGraph>("/api/scheduler/graph")).Nodes.Select(n => n.Id));
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_the_scheduler_restarts_mid_chain : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestServices.CreateDatabaseAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_resume_the_chain_from_the_database_and_the_queues()
    {
        var prefix = $"r{Guid.NewGuid():N}"[..12];
        var first = await SchedulerHost.StartOnAsync(_database.ConnectionString, prefix);
        var pipeline = new TestPipeline();
        await pipeline.ConnectAsync(first);
        var a = await first.CreateJobAsync(Job("restart-a", Interval(3600)));
        var b = await first.CreateJobAsync(Job("restart-b", OnDependencies(), [a]));
        var c = await first.CreateJobAsync(Job("restart-c", OnDependencies(), [b]));
        pipeline.Answer = r => r.JobId == a ? TestPipeline.Completed(r, 3) : null; // B's request is left hanging
        await first.TriggerAsync(a);
        Assert.True(await EventuallyAsync(() => Task.FromResult(pipeline.Requests.Any(r => r.JobId == b))));
        var held = pipeline.Requests.Single(r => r.JobId == b);
        await first.DisposeAsync();

        await using var second = await SchedulerHost.StartOnAsync(_database.ConnectionString, prefix);
        // B's request may be redelivered to the new process if the old one died before acknowledging it: keep B hanging.
        pipeline.Answer = r => r.JobId == b ? null : TestPipeline.Completed(r, 7);
        await pipeline.ConnectAsync(second);
        Assert.Equal(RunStatuses.Running, Assert.Single(await second.RunsAsync(b)).Status);
        // The pipeline answers B after the restart: the new process finishes B and runs C.
        await second.Services.GetRequiredService<IBus>().Publish(TestPipeline.Completed(held, 4));

        Assert.True(await EventuallyAsync(async () => (await second.RunsAsync(c)).Any(r => r.Status == RunStatuses.Succeeded)));
        Assert.Equal(4, Assert.Single(await second.RunsAsync(b)).RecordsLoaded);
        Assert.Equal(7, Assert.Single(await second.RunsAsync(c)).RecordsLoaded);
    }
}
