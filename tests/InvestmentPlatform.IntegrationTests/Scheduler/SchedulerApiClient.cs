using System.Text.Json;
using InvestmentPlatform.Scheduler.Jobs;

namespace InvestmentPlatform.IntegrationTests.Scheduler;

/// <summary>Scheduler API calls the specs share.</summary>
public static class SchedulerApiClient
{
    /// <param name="version">The version an edit read (a new job's is 0); a create ignores it.</param>
    public static object Job(string name, object schedule, Guid[]? dependsOn = null, int maxRetries = 0, int timeoutSeconds = 60, int version = 0) => new
    {
        name, source = "testsource", symbols = new[] { "AAA", "BBB" }, interval = "1d", mode = "batch", lookbackDays = 3,
        schedule, maxRetries, timeoutSeconds, tags = new[] { "test" }, dependsOn = dependsOn ?? [], version,
    };

    public static object Interval(int seconds) => new { kind = "interval", intervalSeconds = seconds };

    public static object OnDependencies() => new { kind = "dependencies" };

    public static async Task<Guid> CreateJobAsync(this SchedulerHost host, object body) =>
        (await host.PostAsync("/api/scheduler/jobs", body, 201)).GetProperty("id").GetGuid();

    public static async Task<Guid> TriggerAsync(this SchedulerHost host, Guid jobId) =>
        (await host.PostAsync($"/api/scheduler/jobs/{jobId}/trigger", new { }, 202)).GetProperty("runId").GetGuid();

    public static async Task<List<RunDto>> RunsAsync(this SchedulerHost host, Guid jobId) =>
        (await host.GetAsync<RunPage<RunDto>>($"/api/scheduler/runs?jobId={jobId}&pageSize=500")).Items;

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(200);
        }
        return await condition();
    }

    public sealed record RunPage<T>(List<T> Items, int Page, int PageSize, long TotalCount, int TotalPages);

    public static string Describe(IEnumerable<RunDto> runs) =>
        JsonSerializer.Serialize(runs.Select(r => new { r.Status, r.Trigger, r.Attempt, r.ErrorClass, r.ErrorMessage }));
}
