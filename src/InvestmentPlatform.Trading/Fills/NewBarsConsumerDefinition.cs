using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// The fill engine's endpoint takes <see cref="Contracts.Ingestion.SeriesUpdated"/> in batches of what arrives within
/// <see cref="Wait"/> of the first (at most <see cref="MessageLimit"/>), one batch at a time per process: a load of two
/// hundred parts of one series works its orders a few times, not two hundred, and an order still sees new bars within
/// a fraction of a second.
/// </summary>
public sealed class NewBarsConsumerDefinition : ConsumerDefinition<NewBarsConsumer>
{
    public const int MessageLimit = 100;
    public static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(200);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<NewBarsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(MessageLimit).SetTimeLimit(Wait).SetConcurrencyLimit(1));
        consumerConfigurator.UseOutageRetry();
    }
}
