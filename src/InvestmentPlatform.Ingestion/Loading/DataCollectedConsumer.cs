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
        if (loaded is > 0)
            PlatformMetrics.RowsLoaded.Add(loaded.Value, new("source", m.Source), new("table", SeriesTable.For(asset.AssetType).Name));
    }
}
