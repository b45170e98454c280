using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
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
                // Retries and faults as CollectChunkConsumerDefinition has them.
                cfg.ConfigureConsumer<CollectChunkConsumer>(context);
            });
        }
    }
}
