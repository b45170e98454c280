using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Scheduler.Jobs;

namespace InvestmentPlatform.Scheduler.Runs;

/// <summary>
/// Where a run may go from each status: the one table every change of a run is checked against. A finished run
/// never moves again, so a late or redelivered outcome changes nothing.
/// </summary>
public static class RunTransitions
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [RunStatuses.Pending] = [RunStatuses.Running, RunStatuses.Failed, RunStatuses.Cancelled],
        [RunStatuses.Running] = [RunStatuses.Succeeded, RunStatuses.Failed, RunStatuses.TimedOut, RunStatuses.Cancelled],
    };

    public static bool CanMove(string from, string to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);
}
