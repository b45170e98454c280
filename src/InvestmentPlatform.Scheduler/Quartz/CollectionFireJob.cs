using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.Scheduler.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace InvestmentPlatform.Scheduler.Quartz;

/// <summary>A scheduler job's trigger fired: start a run. The Quartz job key's name is the scheduler job's id.</summary>
public sealed class CollectionFireJob(IServiceScopeFactory scopes, ILogger<CollectionFireJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.JobDetail.Key.Name, out var jobId))
            return;
        var scheduled = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
        SchedulerMetrics.Firings.Add(1, new KeyValuePair<string, object?>("job", jobId.ToString()));

        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<RunStarter>().StartAsync(jobId, RunTriggers.Schedule, RunIds.ForFiring(jobId, scheduled), null, scheduled, cancellationToken);
        logger.LogInformation("Job {JobId} fired for {Scheduled:o}: run {RunId}", jobId, scheduled, run?.Id);
    }
}
