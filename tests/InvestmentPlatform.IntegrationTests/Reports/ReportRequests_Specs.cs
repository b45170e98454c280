using InvestmentPlatform.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Api.Reports;
using InvestmentPlatform.Reports.Requests;
using InvestmentPlatform.IntegrationTests.Access;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static InvestmentPlatform.IntegrationTests.Analytics.AnalyticsSeed;

namespace InvestmentPlatform.IntegrationTests.Reports;

/// <summary>
/// Reports asked for on the bus: POST /api/reports answers 202 at once, the report is built by its consumer, its owner
/// is told over the hub and downloads the same file the on-demand endpoint makes; nobody else sees it.
/// </summary>
public abstract class When_a_report_is_requested_on_the_bus(ApiDatabase database) : IAsyncLifetime
{
    private ApiHost _host = null!;
    private HttpClient Admin => _host.Client;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync(database);
        var services = _host.Factory.Services;
        foreach (var (symbol, seed) in new[] { ("RQA", 1), ("RQB", 2) })
        {
            var random = new Random(seed);
            var price = 100.0;
            await BarsAsync(services, await AssetAsync(services, symbol, "stock", "USD"),
                Enumerable.Range(0, 120).Select(d => (d, price = Math.Round(price * (1 + (random.NextDouble() - 0.48) / 25), 4))).ToArray());
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static async Task<JsonElement> ReportAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/reports/{id}")).Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> FinishedAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var report = await ReportAsync(client, id);
            if (report.GetProperty("status").GetString() is WorkStatuses.Succeeded or WorkStatuses.Failed)
                return report;
            Assert.True(DateTime.UtcNow < deadline, $"The report is still {report} after 60 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Should_build_it_tell_its_owner_and_serve_the_file_to_them_alone()
    {
        var token = await _host.CreateUserAsync("reader", "viewer");
        var reader = _host.WithToken(token);
        var (connection, pushed) = await HubListener.ConnectAsync(_host, token);
        await using var _ = connection;
        var body = new { kind = "comparison", format = "xlsx", symbols = new[] { "RQA", "RQB" }, from = Day(0), to = Day(119) };

        // A viewer may ask for reports of their own.
        var accepted = await reader.PostAsJsonAsync("/api/reports", body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/reports/{id}", accepted.Headers.Location?.OriginalString);

        var (method, ready) = await HubListener.NextAsync(pushed);
        Assert.Equal("report_ready", method);
        Assert.Equal(id, ready.GetProperty("reportId").GetGuid());
        Assert.Equal(WorkStatuses.Succeeded, ready.GetProperty("status").GetString());
        var report = await FinishedAsync(reader, id);
        Assert.Equal(WorkStatuses.Succeeded, report.GetProperty("status").GetString());
        Assert.Equal(new[] { "RQA", "RQB" }, report.GetProperty("parameters").GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));

        var file = await reader.GetAsync($"/api/reports/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(report.GetProperty("fileName").GetString(), file.Content.Headers.ContentDisposition?.FileNameStar ?? file.Content.Headers.ContentDisposition?.FileName);
        var stored = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal(report.GetProperty("size").GetInt64(), stored.LongLength);
        // The same figures as the report made on demand: the workbook's cells agree, whatever the generation time says.
        var onDemand = await Admin.GetByteArrayAsync("/api/reports/comparison?symbols=RQA,RQB&from=2024-01-01&to=2024-04-29&format=xlsx");
        Assert.Equal(Tables(ReportFiles.Workbook(onDemand)), Tables(ReportFiles.Workbook(stored)));

        // Someone else, admin included, does not see it; its owner lists it and may delete it.
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/reports/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/reports/{id}")).StatusCode);
        var listed = await reader.GetFromJsonAsync<JsonElement>("/api/reports");
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(0, (await Admin.GetFromJsonAsync<JsonElement>("/api/reports")).GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await reader.DeleteAsync($"/api/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/reports/{id}/file")).StatusCode);
    }

    /// <summary>Every sheet but the cover, whose "generated" cell differs by the second.</summary>
    private static Dictionary<string, Dictionary<string, ReportFiles.XCell>> Tables(Dictionary<string, Dictionary<string, ReportFiles.XCell>> book) =>
        book.Where(s => s.Key != "Report").ToDictionary(s => s.Key, s => s.Value);

    [Fact]
    public async Task Should_refuse_bad_requests_at_once_and_store_nothing()
    {
        var portfolio = (await (await Admin.PostAsJsonAsync("/api/portfolios", new { name = "Mine", baseCurrency = "USD" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var other = _host.WithToken(await _host.CreateUserAsync("other", "analyst"));
        var bad = new (HttpClient Client, object Body, HttpStatusCode Status, string Field)[]
        {
            (Admin, new { kind = "horoscope" }, HttpStatusCode.BadRequest, "kind"),
            (Admin, new { kind = "coverage", format = "docx" }, HttpStatusCode.BadRequest, "format"),
            (Admin, new { kind = "comparison" }, HttpStatusCode.BadRequest, "symbols"),
            (Admin, new { kind = "comparison", symbols = new string?[] { null, " " } }, HttpStatusCode.BadRequest, "symbols"),
            (Admin, new { kind = "comparison", symbols = new[] { "RQA", "NOPE" } }, HttpStatusCode.NotFound, "symbols"),
            (Admin, new { kind = "comparison", symbols = new[] { "RQA" }, from = Day(9), to = Day(1) }, HttpStatusCode.BadRequest, "from"),
            (Admin, new { kind = "portfolio" }, HttpStatusCode.BadRequest, "portfolioId"),
            (other, new { kind = "portfolio", portfolioId = portfolio }, HttpStatusCode.NotFound, "portfolioId"),
            (Admin, new { kind = "scheduler", jobId = Guid.NewGuid() }, HttpStatusCode.NotFound, "jobId"),
        };
        foreach (var (client, body, status, field) in bad)
        {
            var response = await client.PostAsJsonAsync("/api/reports", body);
            Assert.True(response.StatusCode == status, $"{JsonSerializer.Serialize(body)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (status == HttpStatusCode.BadRequest)
                await ProblemAssert.IsProblemAsync(response, status, field);
        }
        Assert.Equal(0, (await Admin.GetFromJsonAsync<JsonElement>("/api/reports")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/reports")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Should_fail_a_report_with_nothing_in_it_saying_why_with_no_file()
    {
        // No job has run: the scheduler report has nothing to say.
        var accepted = await Admin.PostAsJsonAsync("/api/reports", new { kind = "scheduler", format = "pdf" });
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var report = await FinishedAsync(Admin, id);

        Assert.Equal(WorkStatuses.Failed, report.GetProperty("status").GetString());
        Assert.StartsWith("No runs between", report.GetProperty("error").GetString());
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync($"/api/reports/{id}/file"), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Should_run_a_scheduled_report_after_the_collection_it_depends_on_and_put_it_in_its_owners_inbox()
    {
        var analyst = _host.WithToken(await _host.CreateUserAsync("quant", "analyst"));
        var collect = await CreatedAsync(analyst, new
        {
            name = "collect SRX", source = "synthetic", symbols = new[] { "SRX-USD" }, assetType = "crypto", interval = "1d", lookbackDays = 30,
            schedule = new { kind = "interval", intervalSeconds = 86_400 },
        });
        // Every asset's coverage: the report can only name SRX-USD if it ran after the collection that made it.
        var report = await CreatedAsync(analyst, new
        {
            name = "coverage after SRX", kind = "report", report = new { kind = "coverage", format = "xlsx" },
            schedule = new { kind = "dependencies" }, dependsOn = new[] { collect },
        });
        Assert.Equal(HttpStatusCode.Accepted, (await analyst.PostAsync($"/api/scheduler/jobs/{collect}/trigger", null)).StatusCode);

        var run = await FinishedRunAsync(analyst, report);
        var upstream = Assert.Single((await analyst.GetFromJsonAsync<JsonElement>($"/api/scheduler/runs?jobId={collect}")).GetProperty("items").EnumerateArray());

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("dependency", run.GetProperty("trigger").GetString());
        Assert.True(run.GetProperty("startedAt").GetDateTime() >= upstream.GetProperty("finishedAt").GetDateTime(), "the report ran before its collection ended");
        var reportId = run.GetProperty("reportId").GetGuid();
        var stored = await FinishedAsync(analyst, reportId);
        Assert.Equal(WorkStatuses.Succeeded, stored.GetProperty("status").GetString());
        var book = ReportFiles.Workbook(await analyst.GetByteArrayAsync($"/api/reports/{reportId}/file"));
        Assert.Contains(book.Values.SelectMany(sheet => sheet.Values), cell => cell.Value == "SRX-USD");

        var inbox = await analyst.GetFromJsonAsync<JsonElement>("/api/notifications");
        var notice = Assert.Single(inbox.GetProperty("page").GetProperty("items").EnumerateArray());
        Assert.Equal("coverage after SRX", notice.GetProperty("title").GetString());
        Assert.Equal($"/reports?id={reportId}", notice.GetProperty("link").GetString());
        Assert.Contains(stored.GetProperty("fileName").GetString()!, notice.GetProperty("body").GetString());
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        Assert.Equal(0, (await Admin.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("page").GetProperty("totalCount").GetInt32());

        // The scheduler report over these runs, as a person reads it (page 1 is kept as a PNG under test-output/reports).
        var text = await ReportFiles.PdfTextAsync(await analyst.GetByteArrayAsync("/api/reports/scheduler?format=pdf"), $"scheduler-{database}");
        Assert.Contains("collect SRX", text);
        Assert.Contains("coverage after SRX", text);
    }

    [Fact]
    public async Task Should_refuse_a_report_job_that_could_not_run_and_store_nothing()
    {
        var analyst = _host.WithToken(await _host.CreateUserAsync("planner", "analyst"));
        var portfolio = (await (await Admin.PostAsJsonAsync("/api/portfolios", new { name = "Not theirs", baseCurrency = "USD" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var schedule = new { kind = "cron", cron = "0 0 6 * * ?", timeZone = "Europe/London" };
        var bad = new (object Body, HttpStatusCode Status, string Field)[]
        {
            (new { name = "r1", kind = "horoscope", schedule }, HttpStatusCode.BadRequest, "kind"),
            (new { name = "r2", kind = "report", schedule }, HttpStatusCode.BadRequest, "report"),
            (new { name = "r3", kind = "report", report = new { kind = "weather" }, schedule }, HttpStatusCode.BadRequest, "report.kind"),
            (new { name = "r4", kind = "report", report = new { kind = "coverage", format = "docx" }, schedule }, HttpStatusCode.BadRequest, "report.format"),
            (new { name = "r5", kind = "report", report = new { kind = "coverage" }, source = "synthetic", schedule }, HttpStatusCode.BadRequest, "source"),
            (new { name = "r6", kind = "report", report = new { kind = "portfolio", portfolioId = portfolio }, schedule }, HttpStatusCode.UnprocessableEntity, "report.portfolioId"),
            (new { name = "r7", kind = "report", report = new { kind = "comparison", symbols = new[] { "NOPE" } }, schedule }, HttpStatusCode.UnprocessableEntity, "report.symbols"),
            (new { name = "r8", report = new { kind = "coverage" }, source = "synthetic", symbols = new[] { "X-USD" }, interval = "1d", schedule }, HttpStatusCode.BadRequest, "report"),
        };
        foreach (var (body, status, field) in bad)
        {
            var response = await analyst.PostAsJsonAsync("/api/scheduler/jobs", body);
            Assert.True(response.StatusCode == status, $"{JsonSerializer.Serialize(body)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await ProblemAssert.IsProblemAsync(response, status, field);
        }
        Assert.Equal(0, (await analyst.GetFromJsonAsync<JsonElement>("/api/scheduler/jobs")).GetProperty("totalCount").GetInt32());
    }

    private static async Task<Guid> CreatedAsync(HttpClient client, object job)
    {
        var response = await client.PostAsJsonAsync("/api/scheduler/jobs", job);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> FinishedRunAsync(HttpClient client, Guid jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var runs = (await client.GetFromJsonAsync<JsonElement>($"/api/scheduler/runs?jobId={jobId}")).GetProperty("items").EnumerateArray().ToList();
            if (runs.FirstOrDefault(r => r.GetProperty("status").GetString() is not ("pending" or "running")) is { ValueKind: JsonValueKind.Object } run)
                return run;
            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} has no finished run after 90 s: {string.Join(", ", runs)}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Should_forget_finished_reports_after_the_days_they_are_kept()
    {
        var accepted = await Admin.PostAsJsonAsync("/api/reports", new { kind = "coverage", symbols = new[] { "RQA" } });
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await FinishedAsync(Admin, id);
        var retention = _host.Factory.Services.GetRequiredService<ReportRetention>();

        Assert.Equal(0, await retention.SweepAsync(default));
        await using (var scope = _host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InvestmentPlatform.Data.PlatformDbContext>();
            var row = await db.ReportRequests.FindAsync(id);
            row!.CreatedAt = DateTime.UtcNow.AddDays(-31);
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await retention.SweepAsync(default));

        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/reports/{id}")).StatusCode);
        await using var check = _host.Factory.Services.CreateAsyncScope();
        var files = check.ServiceProvider.GetRequiredService<InvestmentPlatform.Data.PlatformDbContext>().ReportFiles;
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(files, f => f.ReportId == id));
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_a_report_is_requested_on_the_bus_on_PostgreSQL() : When_a_report_is_requested_on_the_bus(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_a_report_is_requested_on_the_bus_on_SQLite() : When_a_report_is_requested_on_the_bus(ApiDatabase.Sqlite);
