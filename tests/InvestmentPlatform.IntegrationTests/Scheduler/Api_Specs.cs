using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using InvestmentPlatform.Scheduler.Cron;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.Scheduler.Templates;
using static InvestmentPlatform.IntegrationTests.Scheduler.SchedulerApiClient;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_scheduler_api_gets_bad_input : SchedulerSpec
{

    public static TheoryData<string, int, string> BadJobs => new()
    {
        { """{"name":"x","source":"testsource","symbols":["A"],"interval":"1d","schedule":{"kind":"cron","cron":"every day"}}""", 400, "schedule.cron" },
        { """{"name":"x","source":"testsource","symbols":["A"],"interval":"1d","schedule":{"kind":"cron","cron":"0 0 12 * * ?","timeZone":"Mars/Olympus"}}""", 400, "schedule.timeZone" },
        { """{"name":"x","source":"testsource","symbols":[],"interval":"1d","schedule":{"kind":"interval","intervalSeconds":60}}""", 400, "symbols" },
        { """{"name":"x","source":"testsource","symbols":["A"],"interval":"1wk","schedule":{"kind":"interval","intervalSeconds":60}}""", 422, "interval" },
        { """{"name":"x","source":"nowhere","symbols":["A"],"interval":"1d","schedule":{"kind":"interval","intervalSeconds":60}}""", 422, "source" },
        { """{"name":"x","source":"testsource","symbols":["A"],"interval":"1d","schedule":{"kind":"dependencies"},"dependsOn":["0194a3b2-0000-7000-8000-000000000001"]}""", 422, "dependsOn" },
        { """{"name":"x","source":"testsource","symbols":["A"],"interval":"1d","schedule":{"kind":"interval","intervalSeconds":0}}""", 400, "schedule.intervalSeconds" },
        { """{"name":"x","source":"testsource","symbols":["A"],"interval":"1d","schedule":{"kind":"interval","intervalSeconds":60},"maxRetries":99}""", 400, "maxRetries" },
        { """{"name":"x","source":"testsource","symbols":["A"],"interval":"1d","schedule":{"kind":"interval","intervalSeconds":"soon"}}""", 400, "" },
    };

    [Theory]
    [MemberData(nameof(BadJobs))]
    public async Task Should_answer_problem_details_naming_the_field(string body, int status, string field)
    {
        var response = await Host.CreateClient().PostAsync("/api/scheduler/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
    }

    [Fact]
    public async Task Should_refuse_a_duplicate_name_and_unknown_ids()
    {
        await Host.CreateJobAsync(Job("unique", Interval(60)));
        await Host.PostAsync("/api/scheduler/jobs", Job("unique", Interval(60)), 409);
        Assert.Equal(404, (int)(await Host.CreateClient().GetAsync($"/api/scheduler/jobs/{Guid.NewGuid()}")).StatusCode);
        await Host.PostAsync($"/api/scheduler/jobs/{Guid.NewGuid()}/trigger", new { }, 404);
        Assert.Equal(400, (int)(await Host.CreateClient().GetAsync("/api/scheduler/runs?status=done")).StatusCode);
        Assert.Equal(400, (int)(await Host.CreateClient().GetAsync("/api/scheduler/jobs?pageSize=501")).StatusCode);
    }

    [Fact]
    public async Task Should_preview_the_next_fire_times_of_a_cron_in_its_time_zone()
    {
        var preview = await Host.GetAsync<CronPreviewDto>("/api/scheduler/cron/next?expr=0%200%2012%20*%20*%20%3F&tz=Europe/London");

        Assert.Equal(5, preview.Next.Count);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        Assert.All(preview.Next, t => Assert.Equal(12, TimeZoneInfo.ConvertTimeFromUtc(t, london).Hour));
        Assert.Equal(preview.Next.Order(), preview.Next);
        Assert.Equal("Europe/London", preview.TimeZone);

        var badExpr = await Host.CreateClient().GetAsync("/api/scheduler/cron/next?expr=nonsense&tz=UTC");
        Assert.Equal(400, (int)badExpr.StatusCode);
        Assert.Contains("\"expr\"", await badExpr.Content.ReadAsStringAsync());
        var badZone = await Host.CreateClient().GetAsync("/api/scheduler/cron/next?expr=0%200%2012%20*%20*%20%3F&tz=Nowhere/City");
        Assert.Equal(400, (int)badZone.StatusCode);
        Assert.Contains("\"tz\"", await badZone.Content.ReadAsStringAsync());
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_jobs_are_made_from_a_template : SchedulerSpec
{
    private readonly TestPipeline _pipeline = new();

    protected override async Task StartedAsync()
    {
        await _pipeline.ConnectAsync(Host);
    }

    [Fact]
    public async Task Should_take_the_template_values_and_the_overrides_and_run_in_order()
    {
        var template = (await Host.PostAsync("/api/scheduler/templates", new
        {
            name = "daily-stocks", source = "testsource", symbols = new[] { "AAA" }, interval = "1d", mode = "incremental",
            lookbackDays = 5, schedule = new { kind = "interval", intervalSeconds = 2 }, maxRetries = 2, timeoutSeconds = 30, tags = new[] { "stocks" },
        }, 201)).Deserialize<TemplateDto>(SchedulerHost.Json)!;

        var upstream = (await Host.PostAsync($"/api/scheduler/templates/{template.Id}/jobs", new { name = "from-template-a" }, 201))
            .Deserialize<JobDto>(SchedulerHost.Json)!;
        var dependent = (await Host.PostAsync($"/api/scheduler/templates/{template.Id}/jobs", new
        {
            name = "from-template-b", symbols = new[] { "BBB", "CCC" }, schedule = new { kind = "dependencies" }, dependsOn = new[] { upstream.Id },
        }, 201)).Deserialize<JobDto>(SchedulerHost.Json)!;

        Assert.Equal(("testsource", "1d", "incremental", 5, 2, 30), (upstream.Source, upstream.Interval, upstream.Mode, upstream.LookbackDays, upstream.MaxRetries, upstream.TimeoutSeconds));
        Assert.Equal(["AAA"], upstream.Symbols);
        Assert.Equal(["stocks"], upstream.Tags);
        Assert.Equal(template.Id, upstream.TemplateId);
        Assert.Equal(new ScheduleDto("interval", null, null, 2), upstream.Schedule);
        Assert.Equal(["BBB", "CCC"], dependent.Symbols);
        Assert.Equal([upstream.Id], dependent.DependsOn);

        Assert.True(await EventuallyAsync(async () => (await Host.RunsAsync(dependent.Id)).Count(r => r.Status == "succeeded") >= 2, 30));
        foreach (var run in await Host.RunsAsync(dependent.Id))
        {
            var upstreamRun = (await Host.RunsAsync(upstream.Id)).Single(r => r.ChainId == run.ChainId);
            Assert.True(run.StartedAt >= upstreamRun.FinishedAt);
        }
        var listed = await Host.GetAsync<JsonElement>("/api/scheduler/templates");
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, (await Host.GetAsync<JsonElement>("/api/scheduler/jobs?tag=stocks")).GetProperty("totalCount").GetInt32());
    }
}
