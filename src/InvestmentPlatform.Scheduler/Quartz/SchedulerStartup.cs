using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Scheduler.Quartz;

/// <summary>Reconciles every trigger once the scheduler role starts, then keeps run state moving.</summary>
public sealed class SchedulerStartup(TriggerReconciler reconciler, ILogger<SchedulerStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await reconciler.ReconcileAllAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reconciling Quartz triggers failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }
}
