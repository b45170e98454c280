using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Ingestion.Coordinator;

/// <summary>
/// A CollectChunk or DataCollected that failed for good (permanent class, or retries spent) sits in its _error queue;
/// this marks its chunk failed so the request still finishes.
/// </summary>
public sealed class ChunkFaultConsumer(ChunkOutcomes outcomes) : IConsumer<Fault<CollectChunk>>, IConsumer<Fault<DataCollected>>
{
    public Task Consume(ConsumeContext<Fault<CollectChunk>> context) =>
        FailAsync(context.Message.Message.ChunkId, context.Message.Exceptions, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<DataCollected>> context) =>
        FailAsync(context.Message.Message.ChunkId, context.Message.Exceptions, context.CancellationToken);

    private async Task FailAsync(Guid chunkId, ExceptionInfo[] exceptions, CancellationToken ct)
    {
        var error = exceptions.FirstOrDefault();
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
