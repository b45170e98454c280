using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Npgsql;

namespace InvestmentPlatform.IntegrationTests.Resilience;

/// <summary>
/// The distributed platform as real processes (api, scheduler, two workers) on a PostgreSQL cluster and a RabbitMQ
/// node of its own, so that a drill may stop either without touching the shared test services.
/// </summary>
public sealed class DrillCluster : IAsyncLifetime
{
    public const string Database = "platform";
    private static readonly string[] Roles = ["api", "scheduler", "worker", "worker"];

    private readonly List<PlatformProcess> _processes = [];
    private PlatformProcessSettings _settings = null!;

    public PrivatePostgres Postgres { get; private set; } = null!;
    public PrivateRabbitMq Broker { get; private set; } = null!;

    /// <summary>The processes reach the broker through this, so a drill can drop them all at one instant.</summary>
    public TcpFaultProxy BrokerLink { get; private set; } = null!;
    public DrillLog Log { get; } = new();

    public PlatformProcess Api => _processes[0];
    public PlatformProcess Scheduler => _processes[1];
    public PlatformProcess Worker => _processes[2];

    public async Task InitializeAsync()
    {
        await Task.WhenAll(StartPostgresAsync(), StartBrokerAsync());
        BrokerLink = new TcpFaultProxy(Broker.Endpoints.RabbitPort);
        _settings = new PlatformProcessSettings(Postgres.ConnectionString(Database),
            Broker.Endpoints with { RabbitPort = (ushort)BrokerLink.Port }, "drill",
            new Dictionary<string, string>
            {
                ["Ingestion__SweepInterval"] = "00:00:01",
                ["Outbox__PollMilliseconds"] = "200",
                ["Logging__LogLevel__Default"] = "Warning",
            });
        foreach (var roles in Roles)
            _processes.Add(PlatformProcess.Start(roles, _settings));
        await EnsureRunningAsync();
    }

    private async Task StartPostgresAsync() => Postgres = await PrivatePostgres.StartAsync();

    private async Task StartBrokerAsync() => Broker = await PrivateRabbitMq.StartAsync();

    /// <summary>Restarts any role a drill killed and waits until every one is ready.</summary>
    public async Task EnsureRunningAsync()
    {
        for (var i = 0; i < _processes.Count; i++)
        {
            if (!_processes[i].HasExited)
                continue;
            await _processes[i].DisposeAsync();
            _processes[i] = PlatformProcess.Start(Roles[i], _settings);
        }
        // Four processes starting at once on two shared cores can take minutes.
        var ready = await Task.WhenAll(_processes.Select(p => p.WaitReadyAsync(TimeSpan.FromSeconds(240))));
        for (var i = 0; i < ready.Length; i++)
            Assert.True(ready[i], _processes[i].Tail());
    }

    /// <summary>Every call of a drill goes through here: one place to add credentials.</summary>
    public HttpClient CreateClient() => Api.CreateClient();

    public async Task<Guid> SubmitAsync(object request)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/ingestion/requests", request);
        Assert.True((int)response.StatusCode == 202, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid();
    }

    /// <summary>
    /// Submits as a client that honours 503 and Retry-After: tries until the api accepts, through a database outage.
    /// </summary>
    /// <returns>The request's id, the 503 answers met on the way, and any other 5xx.</returns>
    public async Task<(Guid Id, int Unavailable, int ServerErrors)> SubmitWhenAvailableAsync(object request, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int unavailable = 0, serverErrors = 0;
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"not accepted within {timeout}: {unavailable} × 503, {serverErrors} × other 5xx");
            var wait = TimeSpan.FromSeconds(1);
            try
            {
                using var client = CreateClient();
                using var response = await client.PostAsJsonAsync("/api/ingestion/requests", request);
                if ((int)response.StatusCode == 202)
                    return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetGuid(), unavailable, serverErrors);
                if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
                {
                    unavailable++;
                    // Retry-After is whole seconds; a drill has no time to lose, so it waits at most one.
                    if (response.Headers.RetryAfter?.Delta is { } after && after < wait)
                        wait = after;
                }
                else
                {
                    Assert.True((int)response.StatusCode >= 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    serverErrors++;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The api is being restarted.
            }
            await Task.Delay(wait);
        }
    }

    /// <summary>Where each process's output stands now, to read what it logs from here on.</summary>
    public Dictionary<PlatformProcess, int> MarkOutput() => _processes.ToDictionary(p => p, p => p.Output.Count);

    /// <summary>Lines of <paramref name="level"/> each running process logged since <paramref name="mark"/>, by role.</summary>
    public List<(string Roles, List<string> Lines)> LinesSince(Dictionary<PlatformProcess, int> mark, string level) =>
        _processes.Select(p => (p.Roles, p.Output.Skip(mark.GetValueOrDefault(p)).Where(l => l.Contains($"\"@l\":\"{level}\"", StringComparison.Ordinal)).ToList()))
            .ToList();

    public async Task<JsonElement> PostAsync(string path, object body, int expectedStatus)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True((int)response.StatusCode == expectedStatus, $"{path}: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<T> QueryAsync<T>(string sql, Guid? requestId = null)
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString(Database));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        if (requestId is not null)
            cmd.Parameters.AddWithValue("id", requestId.Value);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Where a request stands and what the processes said lately, for a drill that failed; every process's whole
    /// output goes to test-output/drills/.
    /// </summary>
    public async Task<string> DescribeAsync(Guid requestId)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "test-output", "drills")).FullName;
        for (var i = 0; i < _processes.Count; i++)
            await File.WriteAllLinesAsync(Path.Combine(folder, $"{requestId:N}-{i}-{_processes[i].Roles}.log"), _processes[i].Output);
        var chunks = await QueryAsync<string>(
            """
            SELECT coalesce(string_agg(symbol || ' ' || "from"::date || ' ' || status || ' parts=' || parts_loaded || ' loaded=' || records_loaded
                || ' progress=' || coalesce(progress_at::time::text, '-') || ' redeliveries=' || redeliveries || ' err=' || coalesce(error_message, ''),
                E'\n' ORDER BY symbol, "from") FILTER (WHERE status <> 'succeeded'), 'all succeeded') FROM ingestion_chunks WHERE request_id = @id
            """,
            requestId);
        var outbox = await QueryAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        return $"chunks:\n{chunks}\nunsent outbox rows: {outbox}\nqueues:\n{await Broker.ListQueuesAsync()}\n" + string.Join("\n", _processes.Select(p =>
            $"{p.Roles}:\n" + string.Join("\n", p.Output.Where(l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal)
                && !l.Contains("ConnectionError", StringComparison.Ordinal)).TakeLast(8).Select(l => l[..Math.Min(l.Length, 1500)]))));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        await BrokerLink.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
