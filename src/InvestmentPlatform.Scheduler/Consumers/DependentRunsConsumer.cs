using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.Scheduler.Runs;
using MassTransit;

namespace InvestmentPlatform.Scheduler.Consumers;

/// <summary>
/// A run finished: decide its dependents. The message leaves through the outbox only after the status is committed,
/// so the decision always sees it, and a crash before the decision is healed by redelivery.
/// </summary>
public sealed class DependentRunsConsumer(DependentRuns dependents) : IConsumer<JobRunStatusChanged>
{
    public Task Consume(ConsumeContext<JobRunStatusChanged> context) =>
        RunStatuses.IsFinished(context.Message.Status)
            ? dependents.EvaluateAsync(context.Message.RunId, context.CancellationToken)
            : Task.CompletedTask;
}
