using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// A batch of <see cref="Contracts.Ingestion.SeriesUpdated"/> closes when no part has come for a second, or at 1,000
/// parts. A check reads its range back and writes findings and a score; run per 5,000-row part, during the load, it
/// cost the pipeline more than the load itself (docs/performance.md).
/// </summary>
public sealed class SeriesQualityConsumerDefinition()
    : BatchConsumerDefinition<SeriesQualityConsumer>(1_000, TimeSpan.FromSeconds(1), BatchTimeLimitStart.FromLast);
