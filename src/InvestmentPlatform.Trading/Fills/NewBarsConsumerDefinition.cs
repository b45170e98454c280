using InvestmentPlatform.Messaging.Resilience;
using MassTransit;

namespace InvestmentPlatform.Trading.Fills;

/// <summary>
/// A batch of <see cref="Contracts.Ingestion.SeriesUpdated"/> is what arrives within 200 ms of the first (at most 100):
/// a load of two hundred parts of one series works its orders a few times, not two hundred, and an order still sees
/// new bars within a fraction of a second.
/// </summary>
public sealed class NewBarsConsumerDefinition()
    : BatchConsumerDefinition<NewBarsConsumer>(100, TimeSpan.FromMilliseconds(200), BatchTimeLimitStart.FromFirst);
