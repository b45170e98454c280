using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Ingestion.Coordinator;

/// <summary>Plans a request into chunks and starts dispatching them.</summary>
public sealed class CollectionRequestedConsumer(RequestPlanner planner, ChunkDispatcher dispatcher) : IConsumer<CollectionRequested>
{
    public async Task Consume(ConsumeContext<CollectionRequested> context)
    {
        var m = context.Message;
        await planner.EnsureRowAsync(m, context.CancellationToken);
        await planner.PlanAsync(m.RequestId, context.CancellationToken);
        await dispatcher.DispatchAsync(m.Source.ToLowerInvariant(), context.CancellationToken);
    }
}
