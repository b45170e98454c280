using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Scheduler.Jobs;

namespace InvestmentPlatform.Scheduler.Tests;

public sealed class When_validating_a_job
{
    private sealed class Registry : ICollectorRegistry
    {
        public IReadOnlyList<SourceDescriptor> Sources { get; } =
        [
            new("fred", "FRED", ["economic_indicator"], ["1d", "1wk", "1mo"], new Dictionary<string, int?>(), new Dictionary<string, int?>(), []),
        ];

        public bool TryGet(string source, out ICollector collector) => throw new NotSupportedException();
    }

    private static readonly JobValidator Validator = new(new Registry());

    private static JobRequest Request(string interval = "1d", string[]? symbols = null, ScheduleDto? schedule = null, string? assetType = null) =>
        new("gdp", null, "fred", symbols ?? ["GDP"], null, assetType, interval, null, null,
            schedule ?? new ScheduleDto("interval", IntervalSeconds: 3600), null, null, null, null, null, null);

    [Fact]
    public void Should_apply_the_defaults()
    {
        var job = Validator.Validate(Request()).Value!;
        Assert.Equal(("incremental", 7, 0, 3600, true), (job.Mode, job.LookbackDays, job.MaxRetries, job.TimeoutSeconds, job.Enabled));
    }

    [Fact]
    public void Should_refuse_an_interval_the_source_does_not_serve_as_unprocessable()
    {
        var problem = Validator.Validate(Request(interval: "1h")).Problem!;
        Assert.Equal((ProblemKind.Unprocessable, "interval"), (problem.Kind, problem.Field));
        Assert.Contains("1d, 1wk, 1mo", problem.Message);
    }

    [Fact]
    public void Should_refuse_an_asset_type_the_source_does_not_serve() =>
        Assert.Equal("assetType", Validator.Validate(Request(assetType: "crypto")).Problem?.Field);

    [Fact]
    public void Should_refuse_an_empty_symbol_list() =>
        Assert.Equal("symbols", Validator.Validate(Request(symbols: [])).Problem?.Field);

    [Fact]
    public void Should_refuse_a_dependency_schedule_without_dependencies() =>
        Assert.Equal("dependsOn", Validator.Validate(Request(schedule: new ScheduleDto("dependencies"))).Problem?.Field);

    [Fact]
    public void Should_default_a_cron_time_zone_to_utc() =>
        Assert.Equal("UTC", Validator.Validate(Request(schedule: new ScheduleDto("cron", "0 0 6 * * ?"))).Value!.Schedule.TimeZone);
}
