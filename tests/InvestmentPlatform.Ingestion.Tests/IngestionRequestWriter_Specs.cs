using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Ingestion.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_request_names_symbols_in_any_case : IAsyncLifetime
{
    private IngestionHarness _ingestion = null!;

    public async Task InitializeAsync()
    {
        _ingestion = await IngestionHarness.StartAsync();
        await _ingestion.SeedAsync(new Asset { Symbol = "AAPL", AssetType = AssetTypes.Stock, Source = "synthetic" },
            new Asset { Symbol = "Legacy.x", AssetType = AssetTypes.Stock, Source = "csv" });
    }

    public async Task DisposeAsync() => await _ingestion.DisposeAsync();

    [Fact]
    public async Task Should_ask_for_a_stored_asset_by_its_own_spelling_and_a_new_one_upper_case()
    {
        await using (var scope = _ingestion.Provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IngestionRequestWriter>().SubmitAsync(new IngestionSubmission(
                "synthetic", ["aapl", " LEGACY.X", "newco", "NewCo"], AssetTypes.Stock, "1d",
                new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 31, 0, 0, 0, DateTimeKind.Utc), null), default);

        var requested = Assert.Single(await _ingestion.OutboxAsync<CollectionRequested>());
        Assert.Equal(["AAPL", "Legacy.x", "NEWCO"], requested.Symbols);
    }
}
