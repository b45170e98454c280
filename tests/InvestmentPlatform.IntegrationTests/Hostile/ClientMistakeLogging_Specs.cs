using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Hostile;

/// <summary>
/// A client's mistake is the client's, not the platform's: every 4xx is logged at Information or Warning, so an
/// operator's Error alerts fire only for the platform's own faults. The Host runs as a real process with JSON logs.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_clients_make_mistakes : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private PlatformProcess _host = null!;

    public async Task InitializeAsync()
    {
        var services = await TestServices.GetAsync();
        _database = await TestServices.CreateDatabaseAsync();
        _host = PlatformProcess.Start("all", new PlatformProcessSettings(_database.ConnectionString, services, $"logs-{Guid.NewGuid():N}",
            new Dictionary<string, string> { ["Ingestion__MaxRowsPerDayPerSource"] = "100", ["Api__MaxRequestBodyBytes"] = "4096" }));
        Assert.True(await _host.WaitReadyAsync(TimeSpan.FromSeconds(90)), _host.Tail());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Should_log_each_4xx_below_error()
    {
        using var admin = _host.CreateClient();
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        const string request = """{"source":"synthetic","symbols":["LOGS"],"assetType":"crypto","interval":"1d","from":"2024-01-01","to":"2024-03-01"}""";
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/ingestion/requests", Json(request))).StatusCode);

        var statuses = new List<HttpStatusCode>
        {
            (await anonymous.GetAsync("/api/assets")).StatusCode,
            (await admin.GetAsync("/api/assets/NO-SUCH-SYMBOL")).StatusCode,
            (await admin.PutAsync("/api/ingestion/requests", Json("{}"))).StatusCode,
            (await admin.PostAsync("/api/ingestion/requests", Json("{\"source\":"))).StatusCode,
            (await admin.PostAsync("/api/ingestion/requests/csv?symbol=X", new StringContent("a", Encoding.UTF8, "application/xml"))).StatusCode,
            (await admin.PostAsync("/api/ingestion/requests", Json("{\"note\":\"" + new string('x', 8_000) + "\"}"))).StatusCode,
            (await admin.PostAsync("/api/scheduler/jobs", Json("""{"name":"far","source":"synthetic","symbols":["A"],"interval":"1m","lookbackDays":36500,"schedule":{"kind":"interval","intervalSeconds":3600}}"""))).StatusCode,
            (await admin.PostAsync("/api/ingestion/requests", Json(request))).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed, HttpStatusCode.BadRequest,
            HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests], statuses);
        // The request log's line for the last call proves the log is read; then no line of the run may be an Error.
        Assert.True(await _host.WaitForOutputAsync(l => l.Contains("\"StatusCode\":429"), TimeSpan.FromSeconds(30)), _host.Tail());
        var errors = _host.Output.Where(IsErrorOrWorse).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static bool IsErrorOrWorse(string line)
    {
        if (!line.StartsWith('{'))
            return false;
        using var log = JsonDocument.Parse(line);
        return log.RootElement.TryGetProperty("@l", out var level) && level.GetString() is "Error" or "Fatal";
    }
}
