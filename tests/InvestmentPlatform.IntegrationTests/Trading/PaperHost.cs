using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Trading;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InvestmentPlatform.IntegrationTests.Trading;

/// <summary>
/// The platform with paper trading on a market clock of its own: Wednesday 2024-01-10 15:00 UTC, New York open. Only
/// trading's clock is fake; tokens, the outbox and the bus keep real time.
/// </summary>
public abstract class PaperHost(ApiDatabase database) : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2024, 1, 10, 15, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    public ApiHost Host { get; private set; } = null!;
    public HttpClient Client => Host.Client;
    public ApiDatabase Database => database;

    public async Task InitializeAsync() =>
        Host = await ApiHost.StartAsync(database, s => s.AddSingleton(new TradingClock(Clock)));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static DateTime Day(int day) => new(2024, 1, day, 0, 0, 0, DateTimeKind.Utc);

    public async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<long> AssetAsync(string symbol, string type = "stock", string? exchange = null) => WithDbAsync(async db =>
    {
        var asset = new Asset
        {
            Symbol = symbol, AssetType = type, Currency = "USD", Exchange = exchange, Source = "synthetic",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset.AssetId;
    });

    /// <summary>Daily bars, written as the loader would.</summary>
    public Task BarsAsync(long assetId, params (int Day, double Open, double High, double Low, double Close, double Volume)[] bars) =>
        WithDbAsync(async db =>
        {
            db.MarketData.AddRange(bars.Select(b => new MarketBar
            {
                AssetId = assetId, Interval = "1d", Time = Day(b.Day), Open = b.Open, High = b.High, Low = b.Low, Close = b.Close,
                AdjClose = b.Close, Volume = b.Volume,
            }));
            return await db.SaveChangesAsync();
        });

    /// <summary>A flat history up to 2024-01-09 at <paramref name="close"/>, so the asset has data and a latest bar.</summary>
    public async Task<long> HistoryAsync(string symbol, double close, string type = "stock", string? exchange = null)
    {
        var id = await AssetAsync(symbol, type, exchange);
        await BarsAsync(id, Enumerable.Range(2, 8).Select(d => (d, close, close, close, close, 1_000_000.0)).ToArray());
        return id;
    }

    public async Task<Guid> AccountAsync(string name, object? settings = null)
    {
        var body = JsonSerializer.SerializeToElement(new { name, baseCurrency = "USD", startingCash = 100_000, startAt = Day(1) });
        var merged = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        if (settings is not null)
            foreach (var p in JsonSerializer.SerializeToElement(settings).EnumerateObject())
                merged[p.Name] = p.Value;
        var response = await Client.PostAsJsonAsync("/api/paper/accounts", merged);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> SubmitAsync(Guid account, object order) =>
        Client.PostAsJsonAsync($"/api/paper/accounts/{account}/orders", order);

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Announces that bars of <paramref name="symbol"/> were loaded, as the loader does for each committed part, and waits
    /// until the fill engine's consumer has handled that announcement. Returns the announcement, to deliver it again.
    /// </summary>
    public async Task<SeriesUpdated> SignalBarsAsync(string symbol)
    {
        var assetId = await WithDbAsync(db => db.Assets.Where(a => a.Symbol == symbol).Select(a => a.AssetId).FirstAsync());
        var last = await WithDbAsync(db => db.MarketData.Where(b => b.AssetId == assetId).OrderByDescending(b => b.Time).FirstAsync());
        var message = new SeriesUpdated(assetId, symbol, "stock", "1d", Day(10), last.Time, 3,
            new SeriesRow(last.Time, last.Open, last.High, last.Low, last.Close, last.AdjClose, last.Volume, 0, 0),
            "synthetic", Guid.NewGuid(), DateTime.UtcNow);
        await RedeliverAsync(message);
        return message;
    }

    /// <summary>Publishes <paramref name="message"/> and waits until the fill engine's consumer has handled it.</summary>
    public async Task RedeliverAsync(SeriesUpdated message)
    {
        var bus = Host.Factory.Services.GetRequiredService<IBus>();
        using var handled = new ConsumedSignal<SeriesUpdated>(bus, m => m.RequestId == message.RequestId, endpoint: "new-bars");
        await bus.Publish(message);
        await handled.WaitAsync(TimeSpan.FromSeconds(60));
    }
}

public sealed class PostgresPaperHost() : PaperHost(ApiDatabase.Postgres);

public sealed class SqlitePaperHost() : PaperHost(ApiDatabase.Sqlite);
