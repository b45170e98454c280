using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// The rules that time rather than a new bar makes true: stale data; and the portfolio rules, which value a whole
/// portfolio, too much work to repeat on every bar of a load. Runs on the scheduler role's Quartz, one node of
/// a cluster at a time; each rule's firing is exactly-once by its own key, so an overlap with a late run is harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertChecksJob(IServiceScopeFactory scopes, ILogger<AlertChecksJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-checks", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var check in scope.ServiceProvider.GetServices<IAlertCheck>())
        {
            // One kind failing (a database hiccup) does not keep the others from being checked.
            try
            {
                var fired = await check.RunAsync(cancellationToken);
                if (fired > 0)
                    logger.LogInformation("{Check} fired {Fired} rules", check.GetType().Name, fired);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Check} failed; the next run checks again", check.GetType().Name);
            }
        }
    }
}
