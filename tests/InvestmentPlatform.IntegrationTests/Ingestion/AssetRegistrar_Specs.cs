using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Ingestion.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

[Collection(IntegrationCollection.Name)]
public sealed class When_loaders_meet_a_new_symbol_at_the_same_moment
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_register_it_once_with_its_provider_metadata(bool postgres)
    {
        await using var host = await IngestionTestHost.StartOnAsync(postgres);
        await RegisterConcurrentlyAsync(host);
    }

    private static async Task RegisterConcurrentlyAsync(IngestionTestHost host)
    {
        var description = new AssetDescription("NEWCO", "New Co", "stock", "USD", "XNAS", "recording",
            new Dictionary<string, string> { ["timezone"] = "America/New_York" });

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<AssetRegistrar>().EnsureAsync(description, "stock", default)).AssetId;
        }));

        Assert.Single(ids.Distinct());
        var asset = await host.WithDbAsync(db => db.Assets.SingleAsync(a => a.Symbol == "NEWCO"));
        Assert.Equal((ids[0], "New Co", "stock", "USD", "XNAS", "recording"),
            (asset.AssetId, asset.Name, asset.AssetType, asset.Currency, asset.Exchange, asset.Source));
        Assert.Contains("America/New_York", asset.Metadata);
        Assert.True(asset.CreatedAt > DateTime.UtcNow.AddMinutes(-5) && asset.CreatedAt <= DateTime.UtcNow.AddSeconds(1), asset.CreatedAt.ToString("O"));

        // A provider that says nothing about name, currency or exchange.
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AssetRegistrar>().EnsureAsync(
            new AssetDescription("BARE", null, "crypto", null, null, "recording", new Dictionary<string, string>()), "crypto", default);
        var bare = await host.WithDbAsync(db => db.Assets.SingleAsync(a => a.Symbol == "BARE"));
        Assert.Equal((null, null, null, "crypto"), (bare.Name, bare.Currency, bare.Exchange, bare.AssetType));
    }
}
