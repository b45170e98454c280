using InvestmentPlatform.Messaging.Resilience;
using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// A batch of <see cref="Contracts.Ingestion.SeriesUpdated"/> closes when no part has come for a second, or at one
/// check's worth of parts (<see cref="QualityRanges.MaxBarsPerCheck"/> rows): a check writes findings and a score once
/// for many parts, and a long load is checked while it runs, its newest parts still in memory (docs/performance.md).
/// </summary>
public sealed class SeriesQualityConsumerDefinition()
    : BatchConsumerDefinition<SeriesQualityConsumer>(QualityRanges.MaxBarsPerCheck / DataCollected.MaxRows, TimeSpan.FromSeconds(1), BatchTimeLimitStart.FromLast);
