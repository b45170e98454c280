using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Calendars;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Quality;
using InvestmentPlatform.IntegrationTests.Alerts;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Quality.Running;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Quality;

/// <summary>
/// A stock's last 120 NYSE sessions up to yesterday, with a one-day spike, a pence-for-pounds day and a missing
/// session, checked by the runner over the stored rows, then read and decided over HTTP: on both stores.
/// </summary>
public abstract class When_a_loaded_series_is_checked(ApiDatabase database) : IAsyncLifetime
{
    private ApiHost _host = null!;
    private long _assetId;
    private List<DateTime> _times = null!;
    private DateTime Spike => _times[80];
    private DateTime Pence => _times[95];
    private DateTime Missing => _times[60];

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(database);
        _assetId = await _host.CreateAssetAsync("QLTY");
        var today = DateTime.UtcNow.Date;
        var nyse = ExchangeCalendars.For("XNYS");
        _times = nyse.ExpectedBars("1d", today.AddDays(-250), today.AddDays(-1).AddTicks(1)).TakeLast(120).ToList();
        var close = 100.0;
        var rows = new List<MarketBar>();
        for (var i = 0; i < _times.Count; i++)
        {
            var open = close;
            close *= 1 + ((i * 7919 % 19) - 9) / 1000.0 + 0.0001;
            var f = _times[i] == Spike ? 1.3 : _times[i] == Pence ? 100 : 1;
            if (_times[i] != Missing)
                rows.Add(ApiHost.Bar(_assetId, "1d", _times[i], open * f, Math.Max(open, close) * 1.002 * f, Math.Min(open, close) * 0.998 * f, close * f, 1000));
        }
        await _host.InsertAsync(rows);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<double?> CheckAsync() => InScopeAsync(async s =>
        (await s.GetRequiredService<SeriesQualityRunner>().RunAsync(_assetId, "1d", _times[0], _times[^1], _times[^1], default))?.Score);

    private Task<int> AnnouncedAsync() => InScopeAsync(s =>
        s.GetRequiredService<PlatformDbContext>().Outbox.CountAsync(m => m.MessageType.StartsWith("InvestmentPlatform.Contracts.Quality.DataQualityIssueFound")));

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await _host.Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<DateTime>> BarTimesAsync(string quality) =>
        (await JsonAsync($"/api/market-data/QLTY/bars?interval=1d{quality}")).GetProperty("bars").EnumerateArray()
            .Select(b => b.GetProperty("time").GetDateTime().ToUniversalTime()).ToList();

    [Fact]
    public async Task Should_store_score_quarantine_and_announce_what_it_finds_and_remember_decisions()
    {
        var score = await CheckAsync();
        var findings = (await JsonAsync("/api/quality/findings?symbol=QLTY")).GetProperty("items").EnumerateArray()
            .Select(f => (Kind: f.GetProperty("kind").GetString(), Time: f.GetProperty("barTime").GetDateTime().ToUniversalTime(), Id: f.GetProperty("id").GetInt64()))
            .OrderBy(f => f.Time).ToList();
        Assert.Equal([("gap", Missing), ("outlier", Spike), ("unit", Pence)], findings.Select(f => (f.Kind, f.Time)));
        // The symbol is found whatever its case, as on every read.
        Assert.Equal(3, (await JsonAsync("/api/quality/findings?symbol=qlty")).GetProperty("totalCount").GetInt64());
        Assert.Equal(3, await AnnouncedAsync());

        // 120 expected, 1 missing; 119 stored, 2 suspect; fresh.
        Assert.Equal(Math.Round(100 * (119.0 / 120) * (1 - 2.0 / 119), 1), score);
        var list = await JsonAsync("/api/quality?sort=score");
        var item = list.GetProperty("items")[0];
        Assert.Equal("QLTY", item.GetProperty("symbol").GetString());
        Assert.Equal(score, item.GetProperty("score").GetDouble());
        Assert.Equal("XNYS", item.GetProperty("calendar").GetString());
        Assert.Equal(3, item.GetProperty("findings").GetArrayLength());

        var clean = await BarTimesAsync("");
        Assert.Equal(117, clean.Count);
        Assert.DoesNotContain(Spike, clean);
        Assert.DoesNotContain(Pence, clean);
        Assert.Equal(119, (await BarTimesAsync("&quality=all")).Count);

        var accepted = await _host.Client.PostAsync($"/api/quality/findings/{findings[1].Id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(Spike, await BarTimesAsync(""));
        var one = (await JsonAsync("/api/assets/QLTY/quality")).GetProperty("series")[0];
        Assert.Equal(Math.Round(100 * (119.0 / 120) * (1 - 1.0 / 119), 1), one.GetProperty("score").GetDouble());

        // Checked again: the same findings, no new announcement, the decision kept.
        await CheckAsync();
        Assert.Equal(3, await AnnouncedAsync());
        var again = await JsonAsync($"/api/quality/findings/{findings[1].Id}");
        Assert.Equal("accepted", again.GetProperty("status").GetString());
        Assert.False(again.GetProperty("quarantined").GetBoolean());
    }

    [Fact]
    public async Task Should_check_a_series_announced_in_many_parts_at_once_as_the_runner_does_over_the_whole_range()
    {
        var expected = await InScopeAsync(async s =>
        {
            // The runner's verdict over the whole range, then forgotten, so the consumer's own run is what is read below.
            var score = (await s.GetRequiredService<SeriesQualityRunner>().RunAsync(_assetId, "1d", _times[0], _times[^1], _times[^1], default))!.Score;
            var db = s.GetRequiredService<PlatformDbContext>();
            await db.QualityFindings.Where(f => f.AssetId == _assetId).ExecuteDeleteAsync();
            await db.SeriesQuality.Where(q => q.AssetId == _assetId).ExecuteDeleteAsync();
            await db.Outbox.ExecuteDeleteAsync();
            return score;
        });

        // Six parts of twenty sessions, announced together as a load with the loader's four parts at once announces them.
        var last = new SeriesRow(_times[^1], 1, 1, 1, 1);
        var parts = _times.Chunk(20).Select(p => new SeriesUpdated(_assetId, "QLTY", "stock", "1d", p[0], p[^1], p.Length, last, "csv", Guid.NewGuid(), DateTime.UtcNow));
        await _host.Factory.Services.GetRequiredService<IBus>().PublishBatch(parts);

        SeriesQuality? checkedRow = null;
        await AlertsHost.UntilAsync(async () => (checkedRow = await InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().SeriesQuality
            .AsNoTracking().FirstOrDefaultAsync(q => q.AssetId == _assetId && q.OpenFindings == 3))) is not null);
        Assert.Equal(expected, checkedRow!.Score);
        var findings = (await JsonAsync("/api/quality/findings?symbol=QLTY")).GetProperty("items").EnumerateArray()
            .Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("barTime").GetDateTime().ToUniversalTime())).OrderBy(f => f.Item2);
        Assert.Equal([("gap", Missing), ("outlier", Spike), ("unit", Pence)], findings);
        Assert.Equal(3, await AnnouncedAsync());
        Assert.Equal(0, await InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().MessageFaults.CountAsync(f => f.Queue.Contains("quality"))));
    }

    [Fact]
    public async Task Should_answer_problems_for_bad_input_unknown_findings_and_too_low_a_role()
    {
        await CheckAsync();
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/quality?sort=bogus"), HttpStatusCode.BadRequest, "sort");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/quality/findings?kind=bogus"), HttpStatusCode.BadRequest, "kind");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/quality?pageSize=501"), HttpStatusCode.BadRequest, "pageSize");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/market-data/QLTY/bars?quality=dirty"), HttpStatusCode.BadRequest, "quality");
        await ProblemAssert.IsProblemAsync(await _host.Client.PostAsync("/api/quality/findings/999999/accept", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/assets/NOPE/quality"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Anonymous().GetAsync("/api/quality")).StatusCode);
        var viewer = _host.WithToken(await _host.CreateUserAsync("quality-viewer", "viewer"));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/quality")).StatusCode);
        var id = (await JsonAsync("/api/quality/findings?symbol=QLTY&kind=unit")).GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/quality/findings/{id}/reject", null)).StatusCode);
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_loaded_series_is_checked_on_PostgreSQL() : When_a_loaded_series_is_checked(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_a_loaded_series_is_checked_on_SQLite() : When_a_loaded_series_is_checked(ApiDatabase.Sqlite);
