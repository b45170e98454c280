using System.Net;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.IntegrationTests.Hostile;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_source_reaches_its_daily_row_ceiling_on_postgresql() : DailyQuota_Specs(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_a_source_reaches_its_daily_row_ceiling_on_sqlite() : DailyQuota_Specs(ApiDatabase.Sqlite);

/// <summary>One caller cannot spend a source's rows for the day: past the ceiling, every door refuses until midnight UTC.</summary>
public abstract class DailyQuota_Specs(ApiDatabase database) : IAsyncLifetime
{
    private const int Ceiling = 100;
    private HostileHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await HostileHost.StartAsync(database, new Dictionary<string, string?> { ["Ingestion:MaxRowsPerDayPerSource"] = Ceiling.ToString() });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_answer_429_until_midnight_and_store_nothing_for_the_refused_request()
    {
        // 60 daily bars each: the first fits under 100, the second would pass it.
        var first = await _host.PostJsonAsync("/api/ingestion/requests", Request("recording", "QA"));
        var second = await _host.PostJsonAsync("/api/ingestion/requests", Request("recording", "QB"));
        var otherSource = await _host.PostJsonAsync("/api/ingestion/requests", Request("synthetic", "QC"));

        await HostileHost.AcceptedAsync(first);
        var problem = await ProblemAssert.IsProblemAsync(second, (HttpStatusCode)429);
        Assert.Contains("at most 100 per day", problem.GetProperty("detail").GetString());
        var retryAfter = int.Parse(second.Headers.GetValues("Retry-After").Single());
        var untilMidnight = (DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow).TotalSeconds;
        Assert.InRange(retryAfter, untilMidnight - 60, untilMidnight + 5);
        await HostileHost.AcceptedAsync(otherSource);
        var stored = await _host.Host.WithDbAsync(db => db.IngestionRequests.Where(r => r.Source == "recording").Select(r => r.Symbols).ToListAsync());
        Assert.Equal(["[\"QA\"]"], stored);
    }

    [Fact]
    public async Task Should_fail_a_scheduled_run_that_would_pass_the_ceiling()
    {
        await HostileHost.AcceptedAsync(await _host.PostJsonAsync("/api/ingestion/requests", Request("recording", "QD")));
        var created = await _host.PostJsonAsync("/api/scheduler/jobs",
            """{"name":"over-the-ceiling","source":"recording","symbols":["QE"],"assetType":"crypto","interval":"1d","mode":"batch","lookbackDays":60,"schedule":{"kind":"cron","cron":"0 0 0 1 1 ? 2099"}}""");
        var jobId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var triggered = await _host.Client.PostAsync($"/api/scheduler/jobs/{jobId}/trigger", null);
        var runId = JsonDocument.Parse(await triggered.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetGuid();

        // The run's request goes through the same door as the API's: refused there, the run fails with nothing stored.
        var run = await _host.Host.WithDbAsync(db => db.JobRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
        Assert.Equal("failed", run.Status);
        Assert.Equal("RateLimited", run.ErrorClass);
        Assert.Contains("at most 100 per day", run.ErrorMessage);
        Assert.Null(run.RequestId);
        Assert.False(await _host.Host.WithDbAsync(db => db.IngestionRequests.AnyAsync(r => r.JobId == jobId)));
        Assert.Empty(await _host.Host.BarsAsync("QE"));
    }

    private static string Request(string source, string symbol) =>
        $$"""{"source":"{{source}}","symbols":["{{symbol}}"],"assetType":"crypto","interval":"1d","from":"2024-01-01","to":"2024-03-01"}""";
}
