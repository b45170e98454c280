using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Reports;
using InvestmentPlatform.Scheduler.Runs;
using MassTransit;

namespace InvestmentPlatform.Scheduler.Consumers;

/// <summary>The pipeline finished a scheduler run's request: the run succeeds with its counts.</summary>
public sealed class CollectionCompletedConsumer(RunOutcomes runs) : IConsumer<CollectionCompleted>
{
    public Task Consume(ConsumeContext<CollectionCompleted> context) => runs.CompleteAsync(context.Message, context.CancellationToken);
}

/// <summary>The pipeline failed a scheduler run's request (or one symbol of it).</summary>
public sealed class CollectionFailedConsumer(RunOutcomes runs) : IConsumer<CollectionFailed>
{
    public Task Consume(ConsumeContext<CollectionFailed> context) => runs.FailAsync(context.Message, context.CancellationToken);
}

/// <summary>A scheduler run's request was cancelled: the run ends cancelled.</summary>
public sealed class CollectionCancelledConsumer(RunOutcomes runs) : IConsumer<CollectionCancelled>
{
    public Task Consume(ConsumeContext<CollectionCancelled> context) => runs.CancelledAsync(context.Message, context.CancellationToken);
}

/// <summary>Running counts for a scheduler run, so the runs list shows progress.</summary>
public sealed class CollectionProgressConsumer(RunOutcomes runs) : IConsumer<CollectionProgress>
{
    public Task Consume(ConsumeContext<CollectionProgress> context) => runs.ProgressAsync(context.Message, context.CancellationToken);
}

/// <summary>A report job's report is ready (or failed): the run ends with it.</summary>
public sealed class ReportReadyConsumer(RunOutcomes runs) : IConsumer<ReportReady>
{
    public Task Consume(ConsumeContext<ReportReady> context) => runs.ReportFinishedAsync(context.Message, context.CancellationToken);
}
