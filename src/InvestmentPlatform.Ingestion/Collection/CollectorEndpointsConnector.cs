using InvestmentPlatform.Collectors.Core;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Collection;

/// <summary>Connects one receive endpoint per registered source (collect-yahoo, collect-synthetic, …).</summary>
public sealed class CollectorEndpointsConnector(
    IReceiveEndpointConnector connector,
    ICollectorRegistry registry,
    CollectorQueues queues,
    IOptions<IngestionOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var source in registry.Sources)
        {
            connector.ConnectReceiveEndpoint(queues.QueueName(source.Name), (context, cfg) =>
            {
                cfg.ConcurrentMessageLimit = options.Value.MaxChunksInFlightPerSource;
                cfg.UseMessageRetry(r =>
                {
                    r.Intervals(CollectChunkLimits.ImmediateRetryIntervals);
                    // Permanent classes (bad symbol, bad credentials, bad payload) fault at once into the _error queue.
                    r.Ignore<CollectorException>(e => !e.IsRetryable);
                });
                cfg.ConfigureConsumer<CollectChunkConsumer>(context);
            });
        }
        // Not awaiting Ready: the bus may start after this service, and the endpoints start with it.
        return Task.CompletedTask;
    }

    // The bus stops every endpoint it hosts when it stops; stopping them here as well races its shutdown.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
