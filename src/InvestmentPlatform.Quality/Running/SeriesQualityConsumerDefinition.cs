using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// The quality endpoint takes <see cref="Contracts.Ingestion.SeriesUpdated"/> in batches: up to MessageLimit parts, or
/// what arrived within TimeLimit of the first, one batch at a time per process. A check is a few reads and writes of
/// the series; per 5,000-row part it cost the pipeline more than the load itself.
/// </summary>
public sealed class SeriesQualityConsumerDefinition : ConsumerDefinition<SeriesQualityConsumer>
{
    public const int MessageLimit = 20;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SeriesQualityConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // The batch options also size the endpoint's prefetch and concurrency to one full batch.
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(MessageLimit).SetTimeLimit(TimeSpan.FromMilliseconds(500)).SetConcurrencyLimit(1));
        consumerConfigurator.UseOutageRetry();
    }
}
