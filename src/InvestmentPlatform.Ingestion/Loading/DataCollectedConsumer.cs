using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Ingestion.Assets;
using InvestmentPlatform.ServiceDefaults;
using MassTransit;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>Registers the asset on first sight and loads the part into its series table.</summary>
public sealed class DataCollectedConsumer(AssetRegistrar assets, PartLoader loader) : IConsumer<DataCollected>
{
    public async Task Consume(ConsumeContext<DataCollected> context)
    {
        var m = context.Message;
        var asset = await assets.EnsureAsync(m.Asset, m.AssetType, context.CancellationToken);
        var loaded = await loader.LoadAsync(m, asset.AssetId, asset.AssetType, context.CancellationToken);
        if (loaded is null)
            return;
        // Counted here, once per part the loader took, not where the collector saw the rows: a collection retried
        // after a transient failure sees them again, and its repeated parts are dropped by the loader.
        PlatformMetrics.RowsCollected.Add(m.Rows.Count, new KeyValuePair<string, object?>("source", m.Source));
        if (m.RejectedCount > 0)
            PlatformMetrics.RowsRejected.Add(m.RejectedCount, new KeyValuePair<string, object?>("source", m.Source));
        if (loaded > 0)
            PlatformMetrics.RowsLoaded.Add(loaded.Value, new("source", m.Source), new("table", SeriesTable.For(asset.AssetType).Name));
    }
}
