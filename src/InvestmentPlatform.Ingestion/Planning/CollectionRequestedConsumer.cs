using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Ingestion.Planning;

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
