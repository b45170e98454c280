using InvestmentPlatform.Contracts.Ingestion;
using System.Net;
using System.Text.Json;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Data.Scheduler;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Hostile;

[Collection(IntegrationCollection.Name)]
public sealed class When_hostile_input_reaches_a_host_on_postgresql() : HostileInput_Specs(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_hostile_input_reaches_a_host_on_sqlite() : HostileInput_Specs(ApiDatabase.Sqlite);

/// <summary>Requests an attacker would send: each is refused with a 4xx, and the host goes on serving everyone else.</summary>
public abstract class HostileInput_Specs(ApiDatabase database) : IAsyncLifetime
{
    internal const string Csv = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.5,10\n2024-01-03,1,2,0.5,1.6,1.6,10\n";
    protected HostileHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostileHost.StartAsync(database);

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Should_refuse_a_csv_request_without_an_upload_and_an_upload_id_named_by_the_client()
    {
        var plain = await Host.PostJsonAsync("/api/ingestion/requests",
            """{"source":"csv","symbols":["X"],"interval":"1d","from":"2024-01-01","to":"2024-02-01"}""");
        var named = await Host.PostJsonAsync("/api/ingestion/requests",
            $$$"""{"source":"recording","symbols":["X"],"interval":"1d","from":"2024-01-01","to":"2024-02-01","options":{"upload":"{{{Guid.NewGuid():N}}}"}}""");

        await ProblemAssert.IsProblemAsync(plain, HttpStatusCode.BadRequest, "source");
        await ProblemAssert.IsProblemAsync(named, HttpStatusCode.BadRequest, "options.upload");
    }

    [Fact]
    public async Task Should_import_an_upload_sent_as_text_csv_or_multipart_and_remove_it_when_the_request_ends()
    {
        var text = await HostileHost.AcceptedAsync(await Host.UploadCsvAsync("symbol=UPTXT&assetType=stock", Csv));
        var multipart = await HostileHost.AcceptedAsync(await Host.UploadMultipartAsync("symbol=UPFORM&from=2024-01-01&to=2024-02-01", Csv));

        var first = await Host.Host.WaitFinishedAsync(text);
        var second = await Host.Host.WaitFinishedAsync(multipart);

        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("chunksTotal").GetInt32());
        Assert.Equal([1.5, 1.6], (await Host.Host.BarsAsync("UPTXT")).Select(b => b.Close));
        Assert.Equal([1.5, 1.6], (await Host.Host.BarsAsync("UPFORM")).Select(b => b.Close));
        Assert.Empty(Directory.EnumerateFiles(Host.UploadDirectory));
    }

    [Fact]
    public async Task Should_answer_413_to_an_oversized_upload_and_422_to_an_overlong_line_and_keep_neither()
    {
        var huge = "date,close\n" + string.Concat(Enumerable.Repeat("2024-01-02,1\n", (int)(HostileHost.MaxFileBytes / 13) + 100));
        var wide = "date,close\n2024-01-02," + new string('1', HostileHost.MaxLineLength * 2) + "\n";

        var tooLarge = await Host.UploadCsvAsync("symbol=BIG", huge);
        var tooLong = await Host.UploadMultipartAsync("symbol=WIDE", wide);

        await ProblemAssert.IsProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge);
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.UnprocessableEntity, "file");
        Assert.Empty(Directory.Exists(Host.UploadDirectory) ? Directory.EnumerateFiles(Host.UploadDirectory) : []);
    }

    [Fact]
    public async Task Should_fail_a_stored_request_that_cannot_be_planned_and_keep_sweeping_for_the_others()
    {
        var lostAt = DateTime.UtcNow.AddMinutes(-2);
        var poisoned = StoredRequest("POISON", new DateTime(1, 1, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), lostAt);
        var ordinary = StoredRequest("FINE", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc), lostAt.AddSeconds(1));
        // Stored without their messages, as after a lost publish: only the sweeper plans them.
        await Host.Host.WithDbAsync(db =>
        {
            db.IngestionRequests.AddRange(poisoned, ordinary);
            return db.SaveChangesAsync();
        });

        var fine = await Host.Host.WaitFinishedAsync(ordinary.Id);
        var refused = await Host.Host.WaitFinishedAsync(poisoned.Id);

        Assert.Equal("succeeded", fine.GetProperty("status").GetString());
        Assert.Equal(9, (await Host.Host.BarsAsync("FINE")).Count);
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        Assert.Contains("from must be between 1900-01-01", refused.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task Should_refuse_5000_symbols_for_a_scheduler_job()
    {
        var symbols = JsonSerializer.Serialize(Enumerable.Range(0, 5_000).Select(i => $"S{i}"));

        var created = await Host.PostJsonAsync("/api/scheduler/jobs",
            $$$"""{"name":"many","source":"recording","interval":"1d","symbols":{{{symbols}}},"schedule":{"kind":"interval","intervalSeconds":3600}}""");

        await ProblemAssert.IsProblemAsync(created, HttpStatusCode.BadRequest, "symbols");
    }

    [Fact]
    public async Task Should_fail_at_dispatch_a_stored_job_that_predates_the_limits()
    {
        var job = new SchedulerJob
        {
            Id = Guid.NewGuid(), Name = "stored-before-limits", Source = "recording", Symbols = "[\"A/B\"]", Interval = "1m", Mode = "batch",
            LookbackDays = 36_500, ScheduleKind = "cron", CronExpression = "0 0 0 1 1 ? 2099", TimeZone = "UTC", Enabled = false,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await Host.Host.WithDbAsync(db =>
        {
            db.SchedulerJobs.Add(job);
            return db.SaveChangesAsync();
        });

        var triggered = await Host.Client.PostAsync($"/api/scheduler/jobs/{job.Id}/trigger", null);
        Assert.Equal(HttpStatusCode.Accepted, triggered.StatusCode);
        var runId = JsonDocument.Parse(await triggered.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetGuid();

        var run = await Host.Host.WithDbAsync(db => db.JobRuns.FindAsync(runId).AsTask());
        Assert.Equal("failed", run!.Status);
        Assert.Equal("BadRequest", run.ErrorClass);
        Assert.Contains("Symbols must not hold", run.ErrorMessage);
    }

    [Fact]
    public async Task Should_cancel_a_running_request_and_drop_the_results_of_its_chunk_in_flight()
    {
        var loaded = new LastPartObserver("HOLD");
        using var observing = Host.Host.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(loaded);
        Host.Host.Collector.Hold("HOLD");
        var id = await Host.Host.SubmitAsync(new
        {
            source = "recording", symbols = new[] { "HOLD" }, assetType = "crypto", interval = "1d",
            from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), to = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc),
        });
        await Until(() => Host.Host.Collector.Requests.Any(r => r.Symbol == "HOLD"));

        var cancelled = await Host.Client.PostAsync($"/api/ingestion/requests/{id}/cancel", null);
        var again = await Host.Client.PostAsync($"/api/ingestion/requests/{id}/cancel", null);
        Host.Host.Collector.Release("HOLD");
        await loaded.Consumed.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        var view = await Host.Host.WaitFinishedAsync(id);
        Assert.Equal("cancelled", view.GetProperty("status").GetString());
        Assert.Empty(await Host.Host.BarsAsync("HOLD"));
        await ProblemAssert.IsProblemAsync(await Host.Client.PostAsync($"/api/ingestion/requests/{Guid.NewGuid()}/cancel", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_cancel_a_scheduler_run_with_its_request_and_not_retry_it()
    {
        Host.Host.Collector.Hold("HOLDRUN");
        var created = await Host.PostJsonAsync("/api/scheduler/jobs",
            """{"name":"held","source":"recording","symbols":["HOLDRUN"],"assetType":"crypto","interval":"1d","mode":"batch","lookbackDays":5,"maxRetries":3,"schedule":{"kind":"cron","cron":"0 0 0 1 1 ? 2099"}}""");
        var jobId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var triggered = await Host.Client.PostAsync($"/api/scheduler/jobs/{jobId}/trigger", null);
        var runId = JsonDocument.Parse(await triggered.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetGuid();
        await Until(() => Host.Host.Collector.Requests.Any(r => r.Symbol == "HOLDRUN"));

        var cancelled = await Host.Client.PostAsync($"/api/scheduler/runs/{runId}/cancel", null);
        Host.Host.Collector.Release("HOLDRUN");

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        var run = await Host.Host.WithDbAsync(db => db.JobRuns.FindAsync(runId).AsTask());
        Assert.Equal("cancelled", run!.Status);
        var request = await Host.Host.WaitFinishedAsync(run.RequestId!.Value);
        Assert.Equal("cancelled", request.GetProperty("status").GetString());
        Assert.Equal(1, await Host.Host.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.JobRuns, r => r.JobId == jobId)));
        await ProblemAssert.IsProblemAsync(await Host.Client.PostAsync($"/api/scheduler/runs/{runId}/cancel", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Should_refuse_amounts_that_would_make_a_portfolio_unreadable_and_keep_it_readable()
    {
        var created = await Host.PostJsonAsync("/api/portfolios", """{"name":"huge","baseCurrency":"USD"}""");
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var deposit = await Host.PostJsonAsync($"/api/portfolios/{id}/transactions", """{"type":"deposit","time":"2024-01-02","amount":1.7e308}""");
        var imported = await Host.Client.PostAsync($"/api/portfolios/{id}/transactions/import?mode=skip-invalid", new StringContent(
            "type,symbol,time,quantity,price,amount,fee,currency,note\ndeposit,,2024-01-02,,,1.7e308,,USD,\ndeposit,,2024-01-02,,,1.7e308,,USD,\ndeposit,,2024-01-03,,,100,,USD,\n",
            System.Text.Encoding.UTF8, "text/csv"));
        var holdings = await Host.Client.GetAsync($"/api/portfolios/{id}/holdings?at=2024-01-04");

        await ProblemAssert.IsProblemAsync(deposit, HttpStatusCode.UnprocessableEntity);
        var body = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        Assert.Equal([2, 3], body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, holdings.StatusCode);
        Assert.Equal(100, JsonDocument.Parse(await holdings.Content.ReadAsStringAsync()).RootElement.GetProperty("cash").GetDouble());
    }

    [Fact]
    public async Task Should_import_10000_lines_in_one_pass_and_refuse_more_than_the_line_limit()
    {
        var created = await Host.PostJsonAsync("/api/portfolios", """{"name":"long","baseCurrency":"USD"}""");
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        string Csv(int lines) => "type,symbol,time,quantity,price,amount,fee,currency,note\n" +
                                 string.Concat(Enumerable.Range(0, lines).Select(i => $"deposit,,{new DateTime(2000, 1, 1).AddHours(i):yyyy-MM-ddTHH:mm:ssZ},,,1,,USD,\n"));

        var tooMany = await Host.Client.PostAsync($"/api/portfolios/{id}/transactions/import", new StringContent(Csv(10_001), System.Text.Encoding.UTF8, "text/csv"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var full = await Host.Client.PostAsync($"/api/portfolios/{id}/transactions/import", new StringContent(Csv(10_000), System.Text.Encoding.UTF8, "text/csv"));
        watch.Stop();

        await ProblemAssert.IsProblemAsync(tooMany, HttpStatusCode.UnprocessableEntity, "body");
        Assert.Equal(10_000, JsonDocument.Parse(await full.Content.ReadAsStringAsync()).RootElement.GetProperty("imported").GetInt32());
        Console.WriteLine($"portfolio import of 10,000 lines ({database}): {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Should_refuse_a_huge_topic_without_echoing_it_and_cap_subscriptions_per_connection()
    {
        var server = Host.Host.App.Server;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/events"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.Headers[TestAccess.ApiKeyHeader] = Host.Host.AdminKey;
            })
            .Build();
        await connection.StartAsync();
        var topic = "job:" + new string('x', 30_000);

        var unknown = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", topic));
        var held = $"job:{Guid.NewGuid()}";
        await connection.InvokeAsync("Subscribe", held);
        for (var i = 1; i < 100; i++)
            await connection.InvokeAsync("Subscribe", $"job:{Guid.NewGuid()}");
        var overLimit = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", $"job:{Guid.NewGuid()}"));
        await connection.InvokeAsync("Subscribe", held);

        Assert.DoesNotContain("xxxx", unknown.Message);
        Assert.True(unknown.Message.Length < 300, unknown.Message);
        Assert.Contains("At most 100 subscriptions", overLimit.Message);
    }

    [Fact]
    public async Task Should_never_let_two_simultaneous_edits_close_a_dependency_cycle()
    {
        async Task<Guid> CreateAsync(string name)
        {
            var response = await Host.PostJsonAsync("/api/scheduler/jobs",
                $$$"""{"name":"{{{name}}}","source":"recording","symbols":["CYC"],"interval":"1d","schedule":{"kind":"interval","intervalSeconds":3600}}""");
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }
        Task<HttpResponseMessage> DependAsync(Guid job, string name, Guid on) => Host.Client.PutAsync($"/api/scheduler/jobs/{job}",
            new StringContent($$$"""{"name":"{{{name}}}","source":"recording","symbols":["CYC"],"interval":"1d","schedule":{"kind":"dependencies"},"dependsOn":["{{{on}}}"],"version":0}""",
                System.Text.Encoding.UTF8, "application/json"));

        for (var round = 0; round < 10; round++)
        {
            var a = await CreateAsync($"a{round}");
            var b = await CreateAsync($"b{round}");

            var answers = await Task.WhenAll(DependAsync(a, $"a{round}", b), DependAsync(b, $"b{round}", a));

            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task Should_survive_the_battery_within_a_memory_bound_and_still_serve_an_ordinary_request()
    {
        await using var watchdog = new MemoryWatchdog();
        var imports = Host.ImportDirectory;
        File.CreateSymbolicLink(Path.Combine(imports, "zero.csv"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(imports, "passwd.csv"), "/etc/passwd");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(imports, "pipe.csv")))
            await mkfifo.WaitForExitAsync();
        // Stored requests that name server files, as a request accepted before uploads (or a forged message) would:
        // each is refused by the collector with the same answer, and nothing blocks the pipeline.
        var lostAt = DateTime.UtcNow.AddMinutes(-2);
        var poisoned = new[] { "zero.csv", "pipe.csv", "passwd.csv", "/etc/shadow", Path.Combine(Host.DataDirectory, "platform.db") }
            .Select((file, i) => StoredRequest($"FILE{i}", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), lostAt, "csv", JsonSerializer.Serialize(new Dictionary<string, string> { ["file"] = file })))
            .Append(StoredRequest("EPOCH", new DateTime(1, 1, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), lostAt))
            .ToList();
        await Host.Host.WithDbAsync(db =>
        {
            db.IngestionRequests.AddRange(poisoned);
            return db.SaveChangesAsync();
        });

        var hostile = new[]
        {
            Host.PostJsonAsync("/api/ingestion/requests", """{"source":"csv","symbols":["EXFIL"],"interval":"1d","from":"2024-01-01","to":"2024-02-01","options":{"file":"/dev/zero"}}"""),
            Host.PostJsonAsync("/api/ingestion/requests", """{"source":"recording","symbols":["BIG"],"interval":"1m","from":"1900-01-01","to":"2025-01-01"}"""),
            Host.UploadCsvAsync("symbol=BIG", new string('9', (int)HostileHost.MaxFileBytes * 2)),
            Host.PostJsonAsync("/api/scheduler/jobs", """{"name":"every-second","source":"recording","symbols":["S"],"interval":"1d","schedule":{"kind":"cron","cron":"* * * * * ?"}}"""),
            Host.PostJsonAsync("/api/portfolios", "{\"name\":\"" + new string('n', 100_000) + "\"}"),
        };
        var answers = await Task.WhenAll(hostile);
        var finished = new List<JsonElement>();
        foreach (var request in poisoned)
            finished.Add(await Host.Host.WaitFinishedAsync(request.Id));

        var ordinary = await Host.Host.WaitFinishedAsync(await Host.Host.SubmitAsync(new
        {
            source = "recording", symbols = new[] { "ORDINARY" }, assetType = "crypto", interval = "1d",
            from = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), to = new DateTime(2024, 3, 11, 0, 0, 0, DateTimeKind.Utc),
        }));
        // Only the sweeper plans a request whose message was lost: it is still sweeping.
        var lost = StoredRequest("SWEPT", new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 4, 5, 0, 0, 0, DateTimeKind.Utc), DateTime.UtcNow.AddMinutes(-1));
        await Host.Host.WithDbAsync(db =>
        {
            db.IngestionRequests.Add(lost);
            return db.SaveChangesAsync();
        });
        var swept = await Host.Host.WaitFinishedAsync(lost.Id);

        Assert.All(answers, a => Assert.InRange((int)a.StatusCode, 400, 499));
        Assert.All(finished.Take(5), f =>
        {
            Assert.Equal("failed", f.GetProperty("status").GetString());
            Assert.Equal("NotFound", f.GetProperty("errorClass").GetString());
            Assert.Contains("the file is not available", f.GetProperty("errorMessage").GetString());
        });
        Assert.Equal("failed", finished[5].GetProperty("status").GetString());
        Assert.Equal("succeeded", ordinary.GetProperty("status").GetString());
        Assert.Equal(10, (await Host.Host.BarsAsync("ORDINARY")).Count);
        Assert.Equal("succeeded", swept.GetProperty("status").GetString());
        await watchdog.DisposeAsync();
        // Growth, not the level: the test process also holds what earlier specs left behind.
        Assert.True(watchdog.GrowthBytes < 1L << 30, $"the process grew by {watchdog.GrowthBytes / (1 << 20):N0} MiB");
        Console.WriteLine($"hostile battery ({database}): working set grew by {watchdog.GrowthBytes / (1 << 20):N0} MiB to a peak of {watchdog.PeakBytes / (1 << 20):N0} MiB");
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 60 s");
            await Task.Delay(50);
        }
    }

    private static IngestionRequest StoredRequest(string symbol, DateTime from, DateTime to, DateTime createdAt,
        string source = "recording", string? options = null) => new()
    {
        Id = Guid.NewGuid(),
        Source = source,
        Options = options,
        AssetType = "crypto",
        Symbols = $"[\"{symbol}\"]",
        Interval = "1d",
        From = from,
        To = to,
        Mode = "batch",
        Status = IngestionStatuses.Pending,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };
}
