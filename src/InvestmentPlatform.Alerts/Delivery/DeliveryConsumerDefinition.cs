using MassTransit;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>Failed delivery attempts (webhook, email) are retried with doubling waits; after the last the message faults to the error queue.</summary>
public sealed class DeliveryConsumerDefinition<TConsumer>(IOptions<DeliveryOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var first = TimeSpan.FromMilliseconds(options.Value.FirstRetryMilliseconds);
        endpointConfigurator.UseMessageRetry(r => r.Exponential(options.Value.Retries, first, first * 64, first));
    }
}
