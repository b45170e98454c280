using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// The rules that time rather than a new bar makes true: stale data. Runs on the scheduler role's Quartz, one node of
/// a cluster at a time; each rule's firing is exactly-once by its own key, so an overlap with a late run is harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertChecksJob(IServiceScopeFactory scopes, ILogger<AlertChecksJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-checks", "alerts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stale = await scope.ServiceProvider.GetRequiredService<StaleRuleCheck>().RunAsync(cancellationToken);
        if (stale > 0)
            logger.LogInformation("Alert checks fired {Stale} stale-data rules", stale);
    }
}
