using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Quality.Running;

/// <summary>
/// A batch of <see cref="Contracts.Ingestion.SeriesUpdated"/> closes when no part has come for a second, or at 1,000
/// parts, so a load is checked once its parts are in: run during the load, a batch of parts that arrive out of order
/// became many small checks, each with its own look-back, findings and score, competing with the load (docs/performance.md).
/// </summary>
public sealed class SeriesQualityConsumerDefinition()
    : BatchConsumerDefinition<SeriesQualityConsumer>(1_000, TimeSpan.FromSeconds(1), BatchTimeLimitStart.FromLast);
