using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace InvestmentPlatform.Scheduler.Quartz;

/// <summary>
/// Makes Quartz's triggers match <c>scheduler_jobs</c>: one trigger per enabled cron or interval job, none for
/// paused, dependency-only or deleted jobs. A trigger whose schedule is unchanged is left alone, so its next
/// fire time (and any misfire after downtime) survives restarts.
/// </summary>
/// <remarks>
/// Every call ends when the application starts stopping. Quartz's SQLite store serialises its work behind one
/// in-process gate and disposes that gate when the scheduler shuts down; a reconcile still waiting for the gate then
/// never wakes, and the bus, waiting for the consumer that called it, never stops. An interrupted reconcile loses
/// nothing: the next start reconciles every job.
/// </remarks>
public sealed class TriggerReconciler(
    IServiceScopeFactory scopes,
    ISchedulerFactory schedulers,
    IHostApplicationLifetime lifetime,
    IOptions<SchedulerOptions> options,
    ILogger<TriggerReconciler> logger)
{
    public async Task ReconcileAllAsync(CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var jobs = await db.SchedulerJobs.AsNoTracking().ToListAsync(ct);
        var scheduler = await schedulers.GetScheduler(ct);

        var wanted = jobs.Select(j => j.Id.ToString()).ToHashSet();
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(NextFireTimes.TriggerGroup), ct))
        {
            if (!wanted.Contains(key.Name))
                await scheduler.DeleteJob(key, ct);
        }
        foreach (var job in jobs)
            await ApplyAsync(scheduler, job, ct);
        logger.LogInformation("Reconciled Quartz triggers for {Count} scheduler jobs", jobs.Count);
    }

    public async Task ReconcileAsync(Guid jobId, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var job = await db.SchedulerJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct);
        var scheduler = await schedulers.GetScheduler(ct);
        if (job is null)
            await scheduler.DeleteJob(JobKeyOf(jobId), ct);
        else
            await ApplyAsync(scheduler, job, ct);
    }

    private async Task ApplyAsync(IScheduler scheduler, SchedulerJob job, CancellationToken ct)
    {
        var key = JobKeyOf(job.Id);
        var signature = Signature(job);
        if (signature is null)
        {
            await scheduler.DeleteJob(key, ct);
            return;
        }
        var existing = await scheduler.GetTrigger(new TriggerKey(job.Id.ToString(), NextFireTimes.TriggerGroup), ct);
        if (existing?.Description == signature)
            return;

        var detail = JobBuilder.Create<CollectionFireJob>().WithIdentity(key).WithDescription(job.Name).Build();
        await scheduler.ScheduleJob(detail, BuildTrigger(job, signature), ScheduleJobOptions.Replacing, ct);
        logger.LogInformation("Scheduled job {Job} ({Signature})", job.Name, signature);
    }

    private ITrigger BuildTrigger(SchedulerJob job, string signature)
    {
        var builder = TriggerBuilder.Create()
            .WithIdentity(job.Id.ToString(), NextFireTimes.TriggerGroup)
            .ForJob(JobKeyOf(job.Id))
            .WithDescription(signature)
            .WithMisfireThreshold(TimeSpan.FromSeconds(options.Value.MisfireThresholdSeconds));
        // Misfire policy after downtime: fire once now, then carry on with the schedule.
        if (job.ScheduleKind == ScheduleKinds.Cron)
            return builder.WithSchedule(CronScheduleBuilder.Create(job.CronExpression!)
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(job.TimeZone ?? "UTC"))
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .StartNow().Build();
        var interval = TimeSpan.FromSeconds(job.IntervalSeconds!.Value);
        return builder.WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount))
            .StartAt(DateTimeOffset.UtcNow + interval).Build();
    }

    private static string? Signature(SchedulerJob job) => job switch
    {
        { Enabled: false } => null,
        { ScheduleKind: ScheduleKinds.Cron, CronExpression: { } cron } => $"cron|{cron}|{job.TimeZone ?? "UTC"}",
        { ScheduleKind: ScheduleKinds.Interval, IntervalSeconds: > 0 } => $"interval|{job.IntervalSeconds}",
        _ => null,
    };

    private static JobKey JobKeyOf(Guid jobId) => new(jobId.ToString(), NextFireTimes.TriggerGroup);
}
