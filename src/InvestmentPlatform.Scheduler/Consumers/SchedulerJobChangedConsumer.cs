using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Scheduler.Quartz;
using MassTransit;

namespace InvestmentPlatform.Scheduler.Consumers;

/// <summary>A job changed in <c>scheduler_jobs</c>: bring its Quartz trigger in line.</summary>
public sealed class SchedulerJobChangedConsumer(TriggerReconciler reconciler) : IConsumer<SchedulerJobChanged>
{
    public Task Consume(ConsumeContext<SchedulerJobChanged> context) =>
        reconciler.ReconcileAsync(context.Message.JobId, context.CancellationToken);
}
