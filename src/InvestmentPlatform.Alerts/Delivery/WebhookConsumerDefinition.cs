using MassTransit;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>Failed webhook attempts are retried with doubling waits; after the last the message faults to the error queue.</summary>
public sealed class WebhookConsumerDefinition(IOptions<DeliveryOptions> options) : ConsumerDefinition<WebhookConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<WebhookConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var first = TimeSpan.FromMilliseconds(options.Value.FirstRetryMilliseconds);
        endpointConfigurator.UseMessageRetry(r => r.Exponential(options.Value.Retries, first, first * 64, first));
    }
}
