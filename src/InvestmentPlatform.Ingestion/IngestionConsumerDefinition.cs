using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Ingestion;

/// <summary>
/// How the coordinator's and the loader's consumers retry, in one place: an outage of the database or broker is waited
/// out with the message in hand; any other failure is tried again a few times, quickly, then faults to the ledger.
/// </summary>
public class IngestionConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.UseOutageRetry();
        consumerConfigurator.UseMessageRetry(r =>
        {
            r.Intervals(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
            r.Ignore<Exception>(TransientFailure.IsTransient);
            r.Ignore<ArgumentException>();
            r.Ignore<FormatException>(); // a malformed DataCollected row block will not read better the next time
        });
    }
}
