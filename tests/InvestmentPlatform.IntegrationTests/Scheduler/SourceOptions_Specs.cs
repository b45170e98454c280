using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Hostile;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

[Collection(IntegrationCollection.Name)]
public sealed class When_jobs_carry_source_options_on_postgresql() : SourceOptions_Specs(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_jobs_carry_source_options_on_sqlite() : SourceOptions_Specs(ApiDatabase.Sqlite);

/// <summary>A job's source options are checked against the source's parameters when it is saved, and a CSV job imports a kept upload.</summary>
public abstract class SourceOptions_Specs(ApiDatabase database) : IAsyncLifetime
{
    private const string Csv = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.5,10\n2024-01-03,1,2,0.5,1.6,1.6,10\n";
    private HostileHost _host = null!;

    public async Task InitializeAsync() => _host = await HostileHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Job(string name, string source, object? options, string symbol = "KEPT", int version = 0) => new
    {
        name, source, symbols = new[] { symbol }, assetType = "stock", interval = "1d", mode = "batch", lookbackDays = 3650,
        schedule = new { kind = "interval", intervalSeconds = 86400 }, enabled = false, options, version,
    };

    private async Task<string> KeepAsync(string csv)
    {
        var response = await _host.Client.PostAsync("/api/ingestion/uploads?name=prices.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("prices.csv", body.GetProperty("fileName").GetString());
        return body.GetProperty("upload").GetString()!;
    }

    private async Task<JsonElement> CreateAsync(object job)
    {
        var response = await _host.Client.PostAsJsonAsync("/api/scheduler/jobs", job);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> RunToTheEndAsync(Guid jobId)
    {
        var trigger = await _host.Client.PostAsJsonAsync($"/api/scheduler/jobs/{jobId}/trigger", new { });
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var runId = JsonDocument.Parse(await trigger.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetGuid();
        JsonElement run = default;
        var finished = await SchedulerApiClient.EventuallyAsync(async () =>
        {
            var page = JsonDocument.Parse(await _host.Client.GetStringAsync($"/api/scheduler/runs?jobId={jobId}&pageSize=50")).RootElement;
            run = page.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("id").GetGuid() == runId);
            return run.ValueKind == JsonValueKind.Object && run.GetProperty("status").GetString() is "succeeded" or "failed" or "skipped";
        }, 60);
        Assert.True(finished, $"run {runId} did not finish: {run}");
        return run;
    }

    [Fact]
    public async Task Should_import_a_kept_upload_on_every_run_of_a_csv_job_and_keep_the_file()
    {
        var upload = await KeepAsync(Csv);
        var job = await CreateAsync(Job("csv from upload", "csv", new { upload, currency = "USD" }));
        var jobId = job.GetProperty("id").GetGuid();
        Assert.Equal(upload, job.GetProperty("options").GetProperty("upload").GetString());

        var first = await RunToTheEndAsync(jobId);
        var second = await RunToTheEndAsync(jobId);

        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        Assert.Equal(2, first.GetProperty("recordsLoaded").GetInt64());
        Assert.Equal([1.5, 1.6], (await _host.Host.BarsAsync("KEPT")).Select(b => b.Close));
        Assert.True(File.Exists(Path.Combine(_host.UploadDirectory, $"{upload}.csv")), "the kept upload was removed after its run");
        var listed = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/ingestion/uploads")).RootElement;
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("upload").GetString() == upload);

        // The file stays while a job imports it; once the job is gone it can be removed.
        await ProblemAssert.IsProblemAsync(await _host.Client.DeleteAsync($"/api/ingestion/uploads/{Guid.ParseExact(upload, "N")}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Client.DeleteAsync($"/api/scheduler/jobs/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Client.DeleteAsync($"/api/ingestion/uploads/{Guid.ParseExact(upload, "N")}")).StatusCode);
        Assert.False(File.Exists(Path.Combine(_host.UploadDirectory, $"{upload}.csv")));
    }

    public static TheoryData<string, object?, HttpStatusCode, string> Refused => new()
    {
        { "csv", null, HttpStatusCode.UnprocessableEntity, "options.upload" },
        { "csv", new { upload = Guid.NewGuid().ToString("N") }, HttpStatusCode.UnprocessableEntity, "options.upload" },
        { "csv", new { upload = "../../etc/passwd" }, HttpStatusCode.BadRequest, "options.upload" },
        { "csv", new { file = "/etc/passwd" }, HttpStatusCode.BadRequest, "options.file" },
        { "synthetic", new { colour = "red" }, HttpStatusCode.UnprocessableEntity, "options.colour" },
        { "synthetic", new { seed = "" }, HttpStatusCode.BadRequest, "options.seed" },
        { "synthetic", new { seed = new string('7', 201) }, HttpStatusCode.BadRequest, "options.seed" },
        { "recording", new { upload = Guid.NewGuid().ToString("N") }, HttpStatusCode.UnprocessableEntity, "options.upload" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Should_refuse_options_the_source_does_not_take_when_the_job_is_saved(string source, object? options, HttpStatusCode status, string field)
    {
        var response = await _host.Client.PostAsJsonAsync("/api/scheduler/jobs", Job($"refused {Guid.NewGuid():N}", source, options));

        await ProblemAssert.IsProblemAsync(response, status, field);
        var jobs = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/scheduler/jobs")).RootElement;
        Assert.Equal(0, jobs.GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task Should_keep_a_synthetic_seed_and_change_it_on_edit()
    {
        var job = await CreateAsync(Job("seeded", "synthetic", new { seed = "7" }, "SEEDED"));
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal("7", job.GetProperty("options").GetProperty("seed").GetString());

        var edited = await _host.Client.PutAsJsonAsync($"/api/scheduler/jobs/{id}", Job("seeded", "synthetic", new { seed = "8" }, "SEEDED"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var refused = await _host.Client.PutAsJsonAsync($"/api/scheduler/jobs/{id}", Job("seeded", "synthetic", new { sed = "8" }, "SEEDED", version: 1));
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "options.sed");

        var stored = JsonDocument.Parse(await _host.Client.GetStringAsync($"/api/scheduler/jobs/{id}")).RootElement;
        Assert.Equal("8", stored.GetProperty("options").GetProperty("seed").GetString());
        var run = await RunToTheEndAsync(id);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var requestId = run.GetProperty("requestId").GetGuid();
        var options = await _host.Host.WithDbAsync(async db => (await db.IngestionRequests.FindAsync(requestId))!.Options);
        Assert.Equal(new Dictionary<string, string> { ["seed"] = "8" }, JsonSerializer.Deserialize<Dictionary<string, string>>(options!));
    }

    [Fact]
    public async Task Should_keep_a_templates_options_and_give_them_to_jobs_made_from_it_for_its_source_only()
    {
        var upload = await KeepAsync(Csv);
        var template = new
        {
            name = "csv template", source = "csv", symbols = new[] { "KEPT" }, assetType = "stock", interval = "1d", mode = "batch", lookbackDays = 3650,
            schedule = new { kind = "interval", intervalSeconds = 86400 }, options = new { upload },
        };
        var created = await _host.Client.PostAsJsonAsync("/api/scheduler/templates", template);
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode}: {text}");
        var templateId = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        var read = JsonDocument.Parse(await _host.Client.GetStringAsync($"/api/scheduler/templates/{templateId}")).RootElement;
        Assert.Equal(upload, read.GetProperty("options").GetProperty("upload").GetString());

        await ProblemAssert.IsProblemAsync(await _host.Client.PostAsJsonAsync("/api/scheduler/templates",
            template with { name = "bad options", options = new { upload = "../../etc/passwd" } }), HttpStatusCode.BadRequest, "options.upload");
        await ProblemAssert.IsProblemAsync(await _host.Client.PutAsJsonAsync($"/api/scheduler/templates/{templateId}",
            new { template.name, source = "synthetic", template.symbols, template.assetType, template.interval, template.mode, template.lookbackDays, template.schedule, options = new { colour = "red" }, version = 0 }),
            HttpStatusCode.UnprocessableEntity, "options.colour");

        var fromTemplate = await _host.Client.PostAsJsonAsync($"/api/scheduler/templates/{templateId}/jobs", new { name = "csv from template", enabled = false });
        var job = JsonDocument.Parse(await fromTemplate.Content.ReadAsStringAsync()).RootElement;
        Assert.True(fromTemplate.StatusCode == HttpStatusCode.Created, $"{(int)fromTemplate.StatusCode}: {job}");
        Assert.Equal(upload, job.GetProperty("options").GetProperty("upload").GetString());
        var run = await RunToTheEndAsync(job.GetProperty("id").GetGuid());
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal([1.5, 1.6], (await _host.Host.BarsAsync("KEPT")).Select(b => b.Close));

        var otherSource = await _host.Client.PostAsJsonAsync($"/api/scheduler/templates/{templateId}/jobs", new { name = "synthetic from template", source = "synthetic", enabled = false });
        var other = JsonDocument.Parse(await otherSource.Content.ReadAsStringAsync()).RootElement;
        Assert.True(otherSource.StatusCode == HttpStatusCode.Created, $"{(int)otherSource.StatusCode}: {other}");
        Assert.True(!other.TryGetProperty("options", out var none) || none.ValueKind == JsonValueKind.Null, $"options of another source: {other}");
    }
}
