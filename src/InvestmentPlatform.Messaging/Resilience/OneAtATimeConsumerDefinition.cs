using MassTransit;

namespace InvestmentPlatform.Messaging.Resilience;

/// <summary>
/// Long work (a report, a replay) waits out a database outage and runs one at a time per process, so it never crowds
/// out the short messages the same process serves.
/// </summary>
public sealed class OneAtATimeConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    public OneAtATimeConsumerDefinition() => ConcurrentMessageLimit = 1;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseOutageRetry();
}
