namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>The loader retries as the coordinator does, and loads a few parts at once per process.</summary>
public sealed class DataCollectedConsumerDefinition : IngestionConsumerDefinition<DataCollectedConsumer>
{
    /// <summary>Parts loaded at once per process: parallel COPY sessions, each on its own connection.</summary>
    public const int Concurrency = 4;

    public DataCollectedConsumerDefinition() => ConcurrentMessageLimit = Concurrency;
}
