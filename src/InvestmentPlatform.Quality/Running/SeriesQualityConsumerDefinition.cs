using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// The quality endpoint takes <see cref="Contracts.Ingestion.SeriesUpdated"/> in batches, one batch at a time per
/// process: a batch closes when no part has come for <see cref="Quiet"/>, or at <see cref="MessageLimit"/> parts. A check
/// reads its range back and writes findings and a score; run per 5,000-row part, during the load, it cost the pipeline
/// more than the load itself (docs/performance.md).
/// </summary>
public sealed class SeriesQualityConsumerDefinition : ConsumerDefinition<SeriesQualityConsumer>
{
    public const int MessageLimit = 1_000;
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SeriesQualityConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // The batch options also size the endpoint's prefetch and concurrency to one full batch.
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(MessageLimit).SetTimeLimit(Quiet)
            .SetTimeLimitStart(BatchTimeLimitStart.FromLast).SetConcurrencyLimit(1));
        consumerConfigurator.UseOutageRetry();
    }
}
