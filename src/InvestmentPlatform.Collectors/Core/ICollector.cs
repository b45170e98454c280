using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Core;

/// <summary>A client of one data source. Rows stream out in validated batches, oldest first.</summary>
public interface ICollector
{
    SourceDescriptor Descriptor { get; }

    /// <summary>
    /// Collects <see cref="CollectorRequest.Symbol"/> over [From, To). Each batch carries the asset as the provider
    /// describes it. Failures throw <see cref="CollectorException"/> with their <see cref="ErrorClass"/>.
    /// </summary>
    IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request, CancellationToken ct = default);
}
