using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Alerts.Evaluation;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Alerts.AlertsHost;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>
/// Stale-data rules on calendar time: a NYSE stock and a crypto asset whose last bars are Friday 5 January 2024, checked
/// by the alert checks at moments a fake clock sets, on PostgreSQL + RabbitMQ and on SQLite + the in-memory bus.
/// </summary>
public abstract class When_a_series_stops_getting_bars(ApiDatabase database) : IAsyncLifetime
{
    private AlertsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AlertsHost.StartAsync(database);
        await _host.LoadAsync("STAL", (3, 100, 10), (4, 101, 10), (5, 102, 10));
        await _host.LoadAsync("BTC-USD", "crypto", (3, 40000, 10), (4, 41000, 10), (5, 42000, 10));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> StaleRuleAsync(HttpClient client, string symbol) =>
        (await JsonAsync(await client.PostAsJsonAsync("/api/alerts", new { name = $"{symbol} went quiet", kind = "stale", symbol, interval = "1d", bars = 1 }),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private async Task<List<JsonElement>> FiringsAsync(Guid rule) =>
        (await JsonAsync(await _host.Alice.GetAsync($"/api/alerts/{rule}/firings"), HttpStatusCode.OK))
        .GetProperty("items").EnumerateArray().OrderBy(f => f.GetProperty("triggerTime").GetDateTime()).ToList();

    private Task<int> CheckAtAsync(DateTime now) => _host.CheckAtAsync<StaleRuleCheck>(now);

    [Fact]
    public async Task Should_not_fire_for_a_stock_over_the_weekend_but_fire_once_for_crypto_and_again_after_a_new_bar()
    {
        // The checks are a Quartz job of the scheduler role; the spec runs them itself, at the times it chooses.
        var quartz = await _host.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await quartz.GetJobDetail(AlertChecksJob.Key));
        var stock = await StaleRuleAsync(_host.Alice, "STAL");
        var crypto = await StaleRuleAsync(_host.Alice, "BTC-USD");

        // Sunday noon: Saturday's crypto bar is a whole day overdue; the stock market had no session since Friday.
        var sunday = new DateTime(2024, 1, 7, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(1, await CheckAtAsync(sunday));
        Assert.Empty(await FiringsAsync(stock));
        var firing = Assert.Single(await FiringsAsync(crypto));
        Assert.Equal(Day(5), firing.GetProperty("triggerTime").GetDateTime().ToUniversalTime());
        Assert.Contains("BTC-USD", firing.GetProperty("message").GetString());

        // Checked again, and on Tuesday once Monday's session is over: the stock fires now, crypto's episode fired already.
        Assert.Equal(0, await CheckAtAsync(sunday.AddHours(1)));
        Assert.Equal(1, await CheckAtAsync(new DateTime(2024, 1, 9, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Single(await FiringsAsync(stock));
        Assert.Single(await FiringsAsync(crypto));

        // A new crypto bar ends the episode; the next gap fires again, on its own last bar.
        await _host.LoadAsync("BTC-USD", "crypto", (8, 43000, 10));
        Assert.Equal(0, await CheckAtAsync(new DateTime(2024, 1, 9, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(1, await CheckAtAsync(new DateTime(2024, 1, 10, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal([Day(5), Day(8)], (await FiringsAsync(crypto)).Select(f => f.GetProperty("triggerTime").GetDateTime().ToUniversalTime()));

        // Alice's inbox holds all three; bob sees none of it.
        Assert.Equal(3, (await JsonAsync(await _host.Alice.GetAsync("/api/notifications/unread-count"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        Assert.Equal(0, (await JsonAsync(await _host.Bob.GetAsync("/api/notifications/unread-count"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Bob.GetAsync($"/api/alerts/{crypto}/firings")).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_series_stops_getting_bars_on_PostgreSQL() : When_a_series_stops_getting_bars(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_a_series_stops_getting_bars_on_SQLite() : When_a_series_stops_getting_bars(ApiDatabase.Sqlite);
