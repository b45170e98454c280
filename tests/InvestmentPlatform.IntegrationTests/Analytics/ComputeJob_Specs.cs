using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Analytics;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Analytics.AnalyticsSeed;

namespace InvestmentPlatform.IntegrationTests.Analytics;

[Collection(IntegrationCollection.Name)]
public sealed class When_a_long_computation_runs_as_a_bus_job : IAsyncLifetime
{
    private PlatformFactory _factory = null!;
    private TestDatabase _database = null!;
    private HttpClient _client = null!;
    private long _acme;

    public async Task InitializeAsync()
    {
        (_factory, _database) = await PlatformFactory.StartAsync();
        _client = _factory.CreateClient();
        var random = new Random(7);
        var price = 100.0;
        var days = Enumerable.Range(0, 300).Select(d => (d, price *= 1 + (random.NextDouble() - 0.5) * 0.04)).ToArray();
        foreach (var symbol in new[] { "ACME", "BETA", "GAMMA" })
        {
            var id = await AssetAsync(_factory.Services, symbol, "stock", "USD");
            await BarsAsync(_factory.Services, id, days.Select(x => (x.d, x.Item2 * (symbol.Length / 4.0))).ToArray());
            if (symbol == "ACME")
                _acme = id;
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_publish_progress_store_the_result_and_serve_it_while_the_inputs_are_unchanged()
    {
        var progress = new ConcurrentQueue<AnalyticsProgress>();
        var connector = _factory.Services.GetRequiredService<IReceiveEndpointConnector>();
        var handle = connector.ConnectReceiveEndpoint($"{_factory.EndpointPrefix}-analytics-progress-probe", (_, cfg) =>
            cfg.Handler<AnalyticsProgress>(ctx =>
            {
                progress.Enqueue(ctx.Message);
                return Task.CompletedTask;
            }));
        await handle.Ready;

        var request = new { kind = "performance", symbols = new[] { "GAMMA", "ACME", "BETA" }, rollingWindow = 21, riskFree = 0.01 };
        var submitted = await _client.PostAsJsonAsync("/api/analytics/compute", request);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (await submitted.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/analytics/results/{id}", submitted.Headers.Location?.OriginalString);

        var result = await WaitForAsync(id, "succeeded");
        await WaitUntil(() => progress.Any(p => p.ResultId == id && p.Status == "succeeded"));
        var mine = progress.Where(p => p.ResultId == id).ToList();
        Assert.Contains(mine, p => p.Status == "running");
        Assert.Equal(3, mine.Single(p => p.Status == "succeeded").Done);

        // The stored result is what the synchronous endpoint answers (symbols sorted).
        var direct = await (await _client.GetAsync("/api/analytics/performance?symbols=ACME,BETA,GAMMA&rollingWindow=21&riskFree=0.01")).JsonAsync();
        var stored = result.GetProperty("result");
        for (var i = 0; i < 3; i++)
        {
            var a = direct.GetProperty("assets")[i];
            var b = stored.GetProperty("assets")[i];
            Assert.Equal(a.GetProperty("symbol").GetString(), b.GetProperty("symbol").GetString());
            Assert.Equal(a.Number("sharpe"), b.Number("sharpe"));
            Assert.Equal(a.GetProperty("rolling").GetArrayLength(), b.GetProperty("rolling").GetArrayLength());
        }

        // Unchanged inputs: served from analytics_results at once.
        var again = await _client.PostAsJsonAsync("/api/analytics/compute", request);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.JsonAsync()).GetProperty("id").GetGuid());

        // A new bar changes the fingerprint: the job runs again.
        await BarsAsync(_factory.Services, _acme, (300, 123.0));
        var rerun = await _client.PostAsJsonAsync("/api/analytics/compute", request);
        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        var rerunResult = await WaitForAsync(id, "succeeded");
        var acme = rerunResult.GetProperty("result").GetProperty("assets")[0];
        Assert.Equal(301, acme.GetProperty("observations").GetInt32());
    }

    [Fact]
    public async Task Should_store_the_reason_when_the_job_cannot_compute()
    {
        var submitted = await _client.PostAsJsonAsync("/api/analytics/compute",
            new { kind = "risk", symbols = new[] { "ACME" }, from = "2030-01-01", to = "2030-02-01" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (await submitted.JsonAsync()).GetProperty("id").GetGuid();
        var failed = await WaitForAsync(id, "failed");
        Assert.Contains("no prices", failed.GetProperty("error").GetString());
    }

    private async Task<JsonElement> WaitForAsync(Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement body = default;
        while (DateTime.UtcNow < deadline)
        {
            body = await (await _client.GetAsync($"/api/analytics/results/{id}")).JsonAsync();
            if (body.GetProperty("status").GetString() == status)
                return body;
            await Task.Delay(100);
        }
        Assert.Fail($"result {id} never became {status}: {body}");
        return body;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(100);
    }
}
