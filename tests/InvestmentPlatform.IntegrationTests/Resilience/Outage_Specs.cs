using System.Diagnostics;
using System.Net;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace InvestmentPlatform.IntegrationTests.Resilience;

/// <summary>
/// Fault drills on the distributed platform: a dependency goes away in the middle of a load, or a role dies, and the
/// load still ends succeeded with every row exactly once, nothing left in flight, and no 500 on the way.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_a_dependency_fails_mid_load(DrillCluster cluster, ITestOutputHelper output) : IClassFixture<DrillCluster>
{
    private static readonly DateTime From = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = From.AddDays(45);
    private const int Symbols = 6;
    private const long BarsPerSymbol = 45 * 288;

    /// <summary>
    /// From the dependency's return (or the kill) to the request's end, the rest of the load included: a stalled chunk
    /// would wait out its 5-minute lease.
    /// </summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(60);

    /// <summary>One day of 5-minute bars of one symbol: the unrelated small request a user submits during an outage.</summary>
    private const long SmallRequestRows = 288;

    private Task<(Guid Id, int Unavailable, int ServerErrors)>? _smallRequest;

    [Fact]
    public Task Should_heal_after_PostgreSQL_stops_for_9_seconds() => DrillAsync("PostgreSQL stopped 9 s", "PGA", async () =>
    {
        await cluster.Postgres.StopImmediateAsync();
        _smallRequest = SubmitSmallRequestAsync("SMALLA-USD");
        await Task.Delay(TimeSpan.FromSeconds(9));
        await cluster.Postgres.StartServerAsync();
    }, spansOutage: true);

    [Fact]
    public Task Should_heal_after_PostgreSQL_stops_for_30_seconds() => DrillAsync("PostgreSQL stopped 30 s", "PGB", async () =>
    {
        await cluster.Postgres.StopImmediateAsync();
        _smallRequest = SubmitSmallRequestAsync("SMALLB-USD");
        await Task.Delay(TimeSpan.FromSeconds(30));
        await cluster.Postgres.StartServerAsync();
    }, spansOutage: true);

    /// <summary>
    /// Every client is dropped at one instant, at the first loaded rows, before the node is shut down: a node's shutdown
    /// takes seconds while its clients keep working, long enough for a load to finish. Three times the others' load,
    /// because the parts already in the workers' hands still load after the cut (20,000 to 33,000 rows here).
    /// </summary>
    [Fact]
    public Task Should_heal_after_the_broker_stops_for_20_seconds() => DrillAsync("RabbitMQ stopped 20 s", "MQ", async () =>
    {
        cluster.BrokerLink.Cut();
        var stopping = Stopwatch.StartNew();
        await cluster.Broker.StopNodeAsync();
        output.WriteLine($"the broker took {stopping.Elapsed.TotalSeconds:0.0} s to stop");
        await Task.Delay(TimeSpan.FromSeconds(20));
        await cluster.Broker.StartNodeAsync();
        cluster.BrokerLink.Restore();
    }, spansOutage: true, symbols: 3 * Symbols,
        // A node shutting down closes channels under sends and declarations in progress; MassTransit logs those (a
        // cancelled send, a disposed channel) before any connection failure says the broker is gone.
        maxErrorLines: 2);

    /// <summary>
    /// Job B runs after job A. The scheduler is killed while A's load runs; A's outcome waits for it in its queue, and
    /// once it is back B runs exactly once, after A finished.
    /// </summary>
    [Fact]
    public async Task Should_run_the_dependent_job_once_after_the_scheduler_is_killed_mid_chain()
    {
        await cluster.EnsureRunningAsync();
        object Job(string name, string[] symbols, int lookbackDays, object schedule, Guid[] dependsOn) => new
        {
            name, source = "synthetic", symbols, assetType = "crypto", interval = "5m", mode = "batch", lookbackDays, schedule,
            maxRetries = 0, timeoutSeconds = 600, tags = new[] { "drill" }, dependsOn,
        };
        var a = (await cluster.PostAsync("/api/scheduler/jobs", Job("drill-chain-a",
            Enumerable.Range(1, Symbols).Select(i => $"SCA{i}-USD").ToArray(), 45, new { kind = "interval", intervalSeconds = 86_400 }, []), 201))
            .GetProperty("id").GetGuid();
        var b = (await cluster.PostAsync("/api/scheduler/jobs", Job("drill-chain-b", ["SCB-USD"], 1, new { kind = "dependencies" }, [a]), 201))
            .GetProperty("id").GetGuid();
        await cluster.PostAsync($"/api/scheduler/jobs/{a}/trigger", new { }, 202);

        const string loadedOfA = "SELECT coalesce(sum(c.records_loaded), 0)::bigint FROM ingestion_chunks c JOIN job_runs r ON r.request_id = c.request_id WHERE r.job_id = @id";
        Assert.True(await WaitAsync(async () => await cluster.QueryAsync<long>(loadedOfA, a) > 0, TimeSpan.FromSeconds(120)),
            "job A loaded nothing before the drill");
        cluster.Scheduler.Kill();
        var restart = Stopwatch.StartNew();
        var aStatusAtKill = await cluster.QueryAsync<string>("SELECT status FROM job_runs WHERE job_id = @id", a);
        await cluster.EnsureRunningAsync();
        // Recovery counts from the scheduler's return, as for the other drills; its own start on two busy cores is not the platform's.
        output.WriteLine($"the scheduler was ready again {restart.Elapsed.TotalSeconds:0.0} s after the kill");
        var recovered = Stopwatch.StartNew();

        var finished = await WaitAsync(async () => await cluster.QueryAsync<long>(
            "SELECT count(*) FROM job_runs WHERE job_id = @id AND status NOT IN ('pending', 'running')", b) > 0, TimeSpan.FromSeconds(150));
        var recovery = recovered.Elapsed;
        var sinceKill = restart.Elapsed;
        var runsOfA = await cluster.QueryAsync<long>("SELECT count(*) FROM job_runs WHERE job_id = @id", a);
        var runsOfB = await cluster.QueryAsync<long>("SELECT count(*) FROM job_runs WHERE job_id = @id", b);
        var requestsOfB = await cluster.QueryAsync<long>("SELECT count(*) FROM ingestion_requests WHERE job_id = @id", b);
        var statusOfA = await cluster.QueryAsync<string>("SELECT string_agg(status, ',') FROM job_runs WHERE job_id = @id", a);
        var statusOfB = finished ? await cluster.QueryAsync<string>("SELECT string_agg(status, ',') FROM job_runs WHERE job_id = @id", b) : "none";
        var inOrder = finished && await cluster.QueryAsync<bool>(
            $"SELECT bool_and(rb.started_at >= ra.finished_at) FROM job_runs rb, job_runs ra WHERE rb.job_id = @id AND ra.job_id = '{a}'", b);
        var stuck = await cluster.QueryAsync<long>($"SELECT count(*) FROM job_runs WHERE job_id IN ('{a}', '{b}') AND status IN ('pending', 'running')");
        var collected = await cluster.QueryAsync<long>(
            "SELECT coalesce(sum(q.records_collected), 0)::bigint FROM ingestion_requests q JOIN job_runs r ON r.request_id = q.id WHERE r.job_id = @id", a);
        var rows = await cluster.QueryAsync<long>("SELECT count(*) FROM market_data m JOIN assets s ON s.asset_id = m.asset_id WHERE s.symbol LIKE 'SCA%'");
        var distinct = await cluster.QueryAsync<long>(
            "SELECT count(DISTINCT (m.asset_id, m.interval, m.time)) FROM market_data m JOIN assets s ON s.asset_id = m.asset_id WHERE s.symbol LIKE 'SCA%'");
        cluster.Log.Add(new DrillResult("scheduler kill -9 mid-chain (from the kill)", $"A {statusOfA}, B {statusOfB}", sinceKill, collected - distinct, rows - distinct, stuck, 0));
        output.WriteLine(cluster.Log.Table());
        output.WriteLine($"A was {aStatusAtKill} when the scheduler was killed");

        Assert.Equal("running", aStatusAtKill);
        Assert.True(finished, "job B did not run");
        Assert.Equal("succeeded", statusOfA);
        Assert.Equal("succeeded", statusOfB);
        Assert.Equal(1, runsOfA);
        Assert.Equal(1, runsOfB);
        Assert.Equal(1, requestsOfB);
        Assert.True(inOrder, "B started before A finished");
        Assert.Equal(0, stuck);
        Assert.True(collected > 0, "A collected nothing");
        Assert.Equal(collected, distinct);
        Assert.Equal(rows, distinct);
        Assert.True(recovery < RecoveryBound, $"B ended {recovery} after the scheduler was back");
    }

    private Task<(Guid Id, int Unavailable, int ServerErrors)> SubmitSmallRequestAsync(string symbol) =>
        cluster.SubmitWhenAvailableAsync(new
        {
            source = "synthetic", symbols = new[] { symbol }, assetType = "crypto", interval = "5m", from = From.AddDays(60), to = From.AddDays(61),
        }, TimeSpan.FromSeconds(120));

    [Fact]
    public Task Should_heal_after_a_worker_is_killed() => DrillAsync("worker kill -9", "WK", () =>
    {
        cluster.Worker.Kill();
        return Task.CompletedTask;
    });

    [Fact]
    public Task Should_heal_after_the_api_is_killed_after_its_202() => DrillAsync("api kill -9 after 202", "AK", () =>
    {
        cluster.Api.Kill();
        return Task.CompletedTask;
    }, waitForRows: false);

    /// <param name="spansOutage">The load must still be under way when the dependency returns, or the drill proved nothing.</param>
    /// <param name="maxErrorLines">Error lines a process may log from the disruption on.</param>
    private async Task DrillAsync(string drill, string tag, Func<Task> disrupt, bool waitForRows = true, bool spansOutage = false,
        int symbols = Symbols, int maxErrorLines = 0)
    {
        await cluster.EnsureRunningAsync();
        var names = Enumerable.Range(1, symbols).Select(i => $"{tag}{i}-USD").ToArray();
        var id = await cluster.SubmitAsync(new { source = "synthetic", symbols = names, assetType = "crypto", interval = "5m", from = From, to = To });
        using var watch = new ApiWatch(cluster, id);

        if (waitForRows)
            Assert.True(await WaitAsync(async () => await cluster.QueryAsync<long>(
                "SELECT coalesce(sum(records_loaded), 0)::bigint FROM ingestion_chunks WHERE request_id = @id", id) > 0,
                TimeSpan.FromSeconds(120)), "no rows loaded before the drill");
        var mark = cluster.MarkOutput();
        await disrupt();
        var recovered = Stopwatch.StartNew();
        var expected = symbols * BarsPerSymbol;
        var loadedAtReturn = await cluster.QueryAsync<long>(
            "SELECT coalesce(sum(records_loaded), 0)::bigint FROM ingestion_chunks WHERE request_id = @id", id);
        output.WriteLine($"rows loaded when the dependency returned: {loadedAtReturn} of {expected}");
        if (cluster.Api.HasExited)
            await cluster.EnsureRunningAsync();

        await WaitAsync(async () => await cluster.QueryAsync<string>("SELECT status FROM ingestion_requests WHERE id = @id", id)
            is not ("pending" or "running"), TimeSpan.FromSeconds(150));
        var recovery = recovered.Elapsed;
        await watch.StopAsync();

        var status = await cluster.QueryAsync<string>("SELECT status FROM ingestion_requests WHERE id = @id", id);
        // A runner prints only the failed assertion's message: where the request stands goes into it.
        if (status != "succeeded")
            Assert.Fail($"the request ended {status} {recovery} after the disruption\n{await cluster.DescribeAsync(id)}");
        var rows = await cluster.QueryAsync<long>($"""
            SELECT count(*) FROM market_data m JOIN assets a ON a.asset_id = m.asset_id
            WHERE a.symbol LIKE '{tag}%'
            """);
        var distinct = await cluster.QueryAsync<long>($"""
            SELECT count(DISTINCT (m.asset_id, m.interval, m.time)) FROM market_data m JOIN assets a ON a.asset_id = m.asset_id
            WHERE a.symbol LIKE '{tag}%'
            """);
        var stuck = await cluster.QueryAsync<long>(
            "SELECT count(*) FROM ingestion_chunks WHERE request_id = @id AND status NOT IN ('succeeded', 'failed', 'timed_out')", id);
        var tallied = await cluster.QueryAsync<long>("SELECT records_loaded FROM ingestion_requests WHERE id = @id", id);
        cluster.Log.Add(new DrillResult(drill, status, recovery, expected - distinct, rows - distinct, stuck, watch.ServerErrors));
        output.WriteLine(cluster.Log.Table());
        var errors = cluster.LinesSince(mark, "Error");
        var warnings = cluster.LinesSince(mark, "Warning");
        output.WriteLine("log lines from the disruption on: " + string.Join(", ", errors.Zip(warnings, (e, w) => $"{e.Roles} {e.Lines.Count} Error {w.Lines.Count} Warning")));
        foreach (var line in errors.Concat(warnings).SelectMany(r => r.Lines).Take(12))
            output.WriteLine(line[..Math.Min(line.Length, 600)]);

        Assert.Equal(expected, rows);
        Assert.Equal(rows, distinct);
        Assert.Equal(expected, tallied);
        Assert.Equal(0, stuck);
        Assert.True(watch.ServerErrors == 0, $"{watch.ServerErrors} answers were 5xx other than 503");
        Assert.True(recovery < RecoveryBound, $"recovery took {recovery}");
        if (spansOutage)
        {
            Assert.True(loadedAtReturn < expected, $"all {expected} rows were loaded before the dependency returned");
            // An outage is a Warning when it starts, one a minute while it lasts, and an Information line when it ends.
            Assert.All(errors, e => Assert.True(e.Lines.Count <= maxErrorLines, $"{e.Roles} logged {e.Lines.Count} Error lines"));
            Assert.All(warnings, w => Assert.True(w.Lines.Count <= 3, $"{w.Roles} logged {w.Lines.Count} Warning lines"));
        }
        if (_smallRequest is not null)
            await AssertSmallRequestAsync(recovered);
    }

    /// <summary>The small request finished within the recovery bound, all its rows there once, with no 5xx but 503.</summary>
    private async Task AssertSmallRequestAsync(Stopwatch recovered)
    {
        var (id, unavailable, serverErrors) = await _smallRequest!;
        var finished = await WaitAsync(async () => await cluster.QueryAsync<string>("SELECT status FROM ingestion_requests WHERE id = @id", id)
            is not ("pending" or "running"), RecoveryBound - recovered.Elapsed);
        var took = recovered.Elapsed;
        var status = await cluster.QueryAsync<string>("SELECT status FROM ingestion_requests WHERE id = @id", id);
        var loaded = await cluster.QueryAsync<long>("SELECT records_loaded FROM ingestion_requests WHERE id = @id", id);
        output.WriteLine($"288-row request: {status} {took.TotalSeconds:0.0} s after recovery; {unavailable} × 503 before it was accepted");

        Assert.True(finished, $"the 288-row request was still {status} {took} after recovery");
        Assert.Equal("succeeded", status);
        Assert.Equal(SmallRequestRows, loaded);
        Assert.True(unavailable > 0, "the 288-row request was accepted without meeting the outage");
        Assert.Equal(0, serverErrors);
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                    return true;
            }
            catch (Npgsql.NpgsqlException)
            {
                // The drill's database is away or recovering.
            }
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>Reads the request through the API all along the drill and counts server errors other than 503.</summary>
    private sealed class ApiWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _serverErrors;

        public ApiWatch(DrillCluster cluster, Guid id) => _loop = WatchAsync(cluster, id, _stop.Token);

        public int ServerErrors => _serverErrors;

        private async Task WatchAsync(DrillCluster cluster, Guid id, CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    using var client = cluster.CreateClient();
                    using var response = await client.GetAsync($"/api/ingestion/requests/{id}", ct);
                    if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                        Interlocked.Increment(ref _serverErrors);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // The api process is being killed or restarted.
                }
                try
                {
                    await Task.Delay(300, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
        }

        public void Dispose() => _stop.Dispose();
    }
}
