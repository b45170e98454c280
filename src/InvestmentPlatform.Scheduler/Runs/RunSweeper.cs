using InvestmentPlatform.Messaging.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// Moves time-driven run steps: dispatches retries whose backoff has passed and times out overdue runs. Both are
/// version-checked transitions on <c>job_runs</c>, so sweepers in several processes never apply one twice.
/// </summary>
public sealed class RunSweeper(
    IServiceScopeFactory scopes,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    OutageLog outage,
    ILogger<RunSweeper> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        outage.RepeatAsync("Run sweep", async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RunOutcomes>().TimeOutOverdueAsync(ct);
            await scope.ServiceProvider.GetRequiredService<RunStarter>().DispatchDueAsync(ct);
        }, TimeSpan.FromSeconds(options.Value.SweepSeconds), clock, logger, stoppingToken);
}
