using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Coordinator;
using InvestmentPlatform.Messaging.Resilience;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Collection;

/// <summary>One receive endpoint per registered source (collect-yahoo, collect-synthetic, …), so a slow source never holds up another.</summary>
public static class CollectorEndpoints
{
    public static void Configure(IBusRegistrationContext context, IReceiveConfigurator bus)
    {
        var registry = context.GetRequiredService<ICollectorRegistry>();
        var queues = context.GetRequiredService<CollectorQueues>();
        var options = context.GetRequiredService<IOptions<IngestionOptions>>().Value;
        foreach (var source in registry.Sources)
        {
            bus.ReceiveEndpoint(queues.QueueName(source.Name), cfg =>
            {
                cfg.ConcurrentMessageLimit = SourceCapacity.PerProcess(options, source.Name);
                cfg.UseMessageRetry(r =>
                {
                    r.Intervals(CollectChunkLimits.ImmediateRetryIntervals);
                    // Permanent classes (bad symbol, bad credentials, bad payload) fault at once into the _error queue.
                    r.Ignore<CollectorException>(e => !e.IsRetryable);
                });
                // Inside the retry above: a database or broker outage is waited out with the chunk in hand.
                cfg.ConfigureConsumer<CollectChunkConsumer>(context, c => c.UseOutageRetry());
            });
        }
    }
}
