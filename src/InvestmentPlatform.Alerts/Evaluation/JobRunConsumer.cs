using InvestmentPlatform.Alerts.Rules;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>
/// A scheduler run ended badly (failed, timed out, or skipped because a dependency failed): the job rules on that job
/// fire, once per run status change (the change's time is the trigger time, so a redelivery fires nothing).
/// </summary>
public sealed class JobRunConsumer(PlatformDbContext db, FiringRecorder recorder) : IConsumer<JobRunStatusChanged>
{
    /// <summary>The run statuses a job rule reports (wire vocabulary of JobRunStatusChanged).</summary>
    public static readonly string[] Reported = [RunStatuses.Failed, RunStatuses.TimedOut, RunStatuses.Skipped];

    public async Task Consume(ConsumeContext<JobRunStatusChanged> context)
    {
        var m = context.Message;
        if (!Reported.Contains(m.Status))
            return;
        var ct = context.CancellationToken;
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.Kind == AlertKinds.Job && r.JobId == m.JobId && r.Enabled)
            .Select(r => r.Id).ToListAsync(ct);
        var message = $"Job {m.JobName} {m.Status.Replace('_', ' ')}" + (m.Message is null ? "" : $": {m.Message}");
        foreach (var id in rules)
            await recorder.EvaluateAsync(id, m.Timestamp, _ => Task.FromResult<RuleDecision?>(new(true, m.RecordsLoaded, message, true)), ct);
    }
}
