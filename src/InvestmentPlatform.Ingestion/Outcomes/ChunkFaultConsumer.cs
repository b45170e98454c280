using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Ingestion.Outcomes;

/// <summary>
/// A CollectChunk or DataCollected that failed for good (permanent class, or retries spent) sits in its _error queue.
/// A failure of the platform's own database or broker puts its chunk back to pending, to be collected again once
/// they are back, for as long as the request's time allows; any other failure marks the chunk failed so the request
/// still finishes.
/// </summary>
public sealed class ChunkFaultConsumer(ChunkOutcomes outcomes, ChunkRedelivery redelivery)
    : IConsumer<Fault<CollectChunk>>, IConsumer<Fault<DataCollected>>
{
    public Task Consume(ConsumeContext<Fault<CollectChunk>> context) =>
        FailAsync(context.Message.Message.ChunkId, context.Message.Exceptions, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<DataCollected>> context) =>
        FailAsync(context.Message.Message.ChunkId, context.Message.Exceptions, context.CancellationToken);

    private async Task FailAsync(Guid chunkId, ExceptionInfo[] exceptions, CancellationToken ct)
    {
        var error = exceptions.FirstOrDefault();
        if (TransientFailure.IsTransient(error) && await redelivery.TryScheduleAfterOutageAsync(chunkId, error!.Message, ct))
            return;
        var (errorClass, message) = Classify(error);
        await outcomes.FinishAsync(chunkId, ChunkStatuses.Failed, 0, 0, errorClass, message, ct);
    }

    public static (ErrorClass Class, string Message) Classify(ExceptionInfo? error)
    {
        if (error is null)
            return (ErrorClass.Transient, "The chunk failed without an exception.");
        return error.ExceptionType switch
        {
            var t when t.Contains("Timeout", StringComparison.Ordinal) => (ErrorClass.Timeout, error.Message),
            var t when t.Contains(nameof(ArgumentException), StringComparison.Ordinal) => (ErrorClass.BadPayload, error.Message),
            _ => (ErrorClass.Transient, error.Message),
        };
    }
}
