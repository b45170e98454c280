using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Ingestion.Collection;

/// <summary>
/// How a collector endpoint handles a failed chunk, in one place for every collect-&lt;source&gt; endpoint and for the
/// specs that hold CollectChunkConsumer to it.
/// </summary>
public sealed class CollectChunkConsumerDefinition : ConsumerDefinition<CollectChunkConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CollectChunkConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Intervals(CollectChunkLimits.ImmediateRetryIntervals);
            // Permanent classes (bad symbol, bad credentials, bad payload) fault at once into the _error queue.
            r.Ignore<CollectorException>(e => !e.IsRetryable);
        });
        // Inside the retry above: a database or broker outage is waited out with the chunk in hand.
        consumerConfigurator.UseOutageRetry();
    }
}
