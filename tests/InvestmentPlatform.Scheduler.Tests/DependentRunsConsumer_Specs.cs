using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Messaging;
using InvestmentPlatform.Scheduler.Consumers;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.Scheduler.Runs;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Scheduler.Tests;

/// <summary>Job B depends on job A; each fact finishes (or not) a run of A and hands its status to the consumer.</summary>
public sealed class When_an_upstream_run_changes_status : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ip-dependents-{Guid.NewGuid():N}.db");
    private readonly Guid _upstream = Guid.NewGuid();
    private readonly Guid _dependent = Guid.NewGuid();
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>(o => o.UseSqlite($"Data Source={_file}").UseSnakeCaseNamingConvention());
        services.AddSingleton(new BusOptions());
        services.AddSingleton<ImportFiles>();
        services.AddIngestionServices();
        services.AddOptions<SchedulerOptions>();
        services.AddScoped<RunStore>();
        services.AddScoped<RunStarter>();
        services.AddScoped<DependentRuns>();
        services.AddMassTransitTestHarness(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddConsumer<DependentRunsConsumer>();
        });
        _provider = services.BuildServiceProvider(true);
        await using (var scope = _provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await db.Database.MigrateAsync();
            db.SchedulerJobs.AddRange(Job(_upstream, "A"), Job(_dependent, "B"));
            db.SchedulerJobDependencies.Add(new SchedulerJobDependency { JobId = _dependent, DependsOnJobId = _upstream });
            await db.SaveChangesAsync();
        }
        _harness = _provider.GetRequiredService<ITestHarness>();
        _harness.TestInactivityTimeout = TimeSpan.FromSeconds(30);
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

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
        UpdatedAt = DateTime.UtcNow,
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
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.JobRuns.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    /// <summary>Publishes the status and returns once the consumer is done with it, without a fault.</summary>
    private async Task ConsumeAsync(JobRun run, string status)
    {
        var id = NewId.NextGuid();
        await _harness.Bus.Publish(new JobRunStatusChanged(_upstream, run.Id, "A", status, 0, null, run.ErrorMessage, DateTime.UtcNow),
            c => c.MessageId = id);
        var consumed = _harness.GetConsumerHarness<DependentRunsConsumer>().Consumed;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReceivedMessage<JobRunStatusChanged>? received;
        while ((received = consumed.Select<JobRunStatusChanged>(m => m.Context.MessageId == id).FirstOrDefault()) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the status was never consumed");
            await Task.Delay(20);
        }
        Assert.Null(received.Exception);
    }

    private async Task<List<JobRun>> DependentRunsAsync()
    {
        await using var scope = _provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().JobRuns.AsNoTracking()
            .Where(r => r.JobId == _dependent).ToListAsync();
    }
}
