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
    OutageLog outage,
    ILogger<RunSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RunOutcomes>().TimeOutOverdueAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<RunStarter>().DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (!outage.Report(ex))
                    logger.LogWarning(ex, "Run sweep failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
