using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Messaging;
using InvestmentPlatform.Scheduler.Consumers;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.Scheduler.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using InvestmentPlatform.Tests.Shared;

namespace InvestmentPlatform.Scheduler.Tests;

/// <summary>Job B depends on job A; each fact finishes (or not) a run of A and hands its status to the consumer.</summary>
public sealed class When_an_upstream_run_changes_status : IAsyncLifetime
{
    private readonly Guid _upstream = Guid.NewGuid();
    private readonly Guid _dependent = Guid.NewGuid();
    private SqliteBusHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await SqliteBusHarness.StartAsync(
            services =>
            {
                services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
                services.AddSingleton(new BusOptions());
                services.AddSingleton<ImportFiles>();
                services.AddIngestionServices();
                services.AddOptions<SchedulerOptions>();
                services.AddScoped<RunStore>();
                services.AddScoped<RunStarter>();
                services.AddScoped<InvestmentPlatform.Reports.Requests.ReportRequestWriter>();
                services.AddScoped<DependentRuns>();
            },
            bus => bus.AddConsumer<DependentRunsConsumer>(),
            db =>
            {
                db.SchedulerJobs.AddRange(Job(_upstream, "A"), Job(_dependent, "B"));
                db.SchedulerJobDependencies.Add(new SchedulerJobDependency { JobId = _dependent, DependsOnJobId = _upstream });
                return db.SaveChangesAsync();
            });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Should_start_the_dependent_once_after_the_upstream_succeeded()
    {
        var run = await AddUpstreamRunAsync(RunStatuses.Succeeded);

        await ConsumeAsync(run, RunStatuses.Succeeded);
        await ConsumeAsync(run, RunStatuses.Succeeded); // redelivered

        var dependents = await DependentRunsAsync();
        var started = Assert.Single(dependents);
        Assert.Equal(RunIds.ForDependent(run.Id, _dependent), started.Id);
        Assert.Equal(RunStatuses.Running, started.Status);
        Assert.Equal(RunTriggers.Dependency, started.Trigger);
        Assert.Equal(run.Id, started.ChainId);
        Assert.NotNull(started.RequestId);
    }

    [Fact]
    public async Task Should_skip_the_dependent_with_the_upstream_reason_when_it_failed()
    {
        var run = await AddUpstreamRunAsync(RunStatuses.Failed, "Yahoo answered 401");

        await ConsumeAsync(run, RunStatuses.Failed);

        var skipped = Assert.Single(await DependentRunsAsync());
        Assert.Equal(RunStatuses.Skipped, skipped.Status);
        Assert.Equal("Upstream job 'A' failed: Yahoo answered 401", skipped.ErrorMessage);
        // The skip is announced with what the hub routes it by, so the notifier need not read the job.
        var announced = await AnnouncedAsync(skipped.Id);
        Assert.Equal((RunStatuses.Skipped, "B", "bob"), (announced.Status, announced.JobName, announced.Owner?.UserId));
        Assert.Equal(["BTC-USD"], announced.Symbols);
        Assert.Equal(["crypto"], announced.AssetTypes);
    }

    [Fact]
    public async Task Should_leave_the_dependent_alone_while_the_upstream_runs()
    {
        var run = await AddUpstreamRunAsync(RunStatuses.Running);

        await ConsumeAsync(run, RunStatuses.Running);

        Assert.Empty(await DependentRunsAsync());
    }

    private static SchedulerJob Job(Guid id, string name) => new()
    {
        Id = id, Name = name, Source = "synthetic", Symbols = "[\"BTC-USD\"]", AssetType = "crypto", Interval = "1d", Mode = "batch",
        LookbackDays = 5, ScheduleKind = ScheduleKinds.Cron, CronExpression = "0 0 0 1 1 ? 2099", CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow, OwnerId = "bob",
    };

    private async Task<JobRun> AddUpstreamRunAsync(string status, string? error = null)
    {
        var now = DateTime.UtcNow;
        var run = new JobRun
        {
            Id = Guid.NewGuid(), JobId = _upstream, Status = status, Trigger = RunTriggers.Manual, ScheduledAt = now, StartedAt = now,
            FinishedAt = RunStatuses.IsFinished(status) ? now : null, ErrorMessage = error,
        };
        run.ChainId = run.Id;
        await _harness.DbAsync(db =>
        {
            db.JobRuns.Add(run);
            return db.SaveChangesAsync();
        });
        return run;
    }

    private Task ConsumeAsync(JobRun run, string status) =>
        _harness.Bus.PublishAndConsumeAsync<DependentRunsConsumer, JobRunStatusChanged>(
            new JobRunStatusChanged(_upstream, run.Id, "A", status, 0, null, run.ErrorMessage, DateTime.UtcNow));

    private async Task<JobRunStatusChanged> AnnouncedAsync(Guid runId) =>
        Assert.Single(await _harness.OutboxAsync<JobRunStatusChanged>(), m => m.RunId == runId);

    private Task<List<JobRun>> DependentRunsAsync() =>
        _harness.DbAsync(db => db.JobRuns.AsNoTracking().Where(r => r.JobId == _dependent).ToListAsync());
}
