using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Scheduler.Jobs;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Scheduler.Tests;

public sealed class When_validating_a_job
{
    private sealed class Registry : ICollectorRegistry
    {
        public IReadOnlyList<SourceDescriptor> Sources { get; } =
        [
            new("fred", "FRED", ["economic_indicator"], ["1d", "1wk", "1mo"], new Dictionary<string, int?>(), new Dictionary<string, int?>(), []),
            new("minutes", "Minutes", ["stock"], ["1m", "1d"], new Dictionary<string, int?>(), new Dictionary<string, int?>(), []),
        ];

        public bool TryGet(string source, out ICollector collector) => throw new NotSupportedException();
    }

    private static readonly JobValidator Validator = new(new Registry(),
        new RequestLimits(Options.Create(new IngestionOptions()), TimeProvider.System), Options.Create(new SchedulerOptions()),
        Options.Create(new IngestionOptions()), TimeProvider.System);

    private static JobRequest Request(string interval = "1d", string[]? symbols = null, ScheduleDto? schedule = null, string? assetType = null) =>
        new("gdp", null, "fred", symbols ?? ["GDP"], null, assetType, interval, null, null,
            schedule ?? new ScheduleDto("interval", IntervalSeconds: 3600), null, null, null, null, null, null);

    [Fact]
    public void Should_serve_the_limits_it_enforces()
    {
        var limits = new JobValidator(new Registry(), new RequestLimits(Options.Create(new IngestionOptions()), TimeProvider.System),
            Options.Create(new SchedulerOptions { MinPeriodSeconds = 300 }), Options.Create(new IngestionOptions { MaxBarsPerRequest = 1234 }),
            TimeProvider.System).Limits;
        Assert.Equal((300d, 1234L), (limits.MinPeriodSeconds, limits.MaxBarsPerRequest));

        var served = Validator.Limits;
        JobRequest With(int? retries = null, int? lookback = null, int? timeout = null) =>
            Request() with { MaxRetries = retries, LookbackDays = lookback, TimeoutSeconds = timeout };
        Assert.Null(Validator.Validate(With(retries: served.MaxRetriesMax)).Problem);
        Assert.Equal("maxRetries", Validator.Validate(With(retries: served.MaxRetriesMax + 1)).Problem?.Field);
        Assert.Equal("maxRetries", Validator.Validate(With(retries: served.MaxRetriesMin - 1)).Problem?.Field);
        Assert.Null(Validator.Validate(With(lookback: served.LookbackDaysMin)).Problem);
        Assert.Equal("lookbackDays", Validator.Validate(With(lookback: served.LookbackDaysMin - 1)).Problem?.Field);
        Assert.Equal("lookbackDays", Validator.Validate(With(lookback: served.LookbackDaysMax + 1)).Problem?.Field);
        Assert.Null(Validator.Validate(With(timeout: served.TimeoutSecondsMin)).Problem);
        Assert.Equal("timeoutSeconds", Validator.Validate(With(timeout: served.TimeoutSecondsMin - 1)).Problem?.Field);
        var defaults = Validator.Validate(Request()).Value!;
        Assert.Equal((served.LookbackDaysDefault, served.TimeoutSecondsDefault), (defaults.LookbackDays, defaults.TimeoutSeconds));
    }

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

    [Theory]
    [InlineData("GD\0P")]
    [InlineData("GD/P")]
    [InlineData("GD\\P")]
    [InlineData("GD\u202EP")]
    public void Should_refuse_a_symbol_that_could_never_be_read_or_deleted(string symbol) =>
        Assert.Equal((ProblemKind.Invalid, "symbols"), (Validator.Validate(Request(symbols: [symbol])).Problem!.Kind, Validator.Validate(Request(symbols: [symbol])).Problem!.Field));

    [Fact]
    public void Should_refuse_5000_symbols_and_a_5000_character_symbol_as_the_ingestion_api_does()
    {
        Assert.Equal("symbols", Validator.Validate(Request(symbols: Enumerable.Range(0, 5_000).Select(i => $"S{i}").ToArray())).Problem!.Field);
        Assert.Equal("symbols", Validator.Validate(Request(symbols: [new string('A', 5_000)])).Problem!.Field);
    }

    [Fact]
    public void Should_refuse_a_lookback_that_plans_more_bars_than_one_request_may()
    {
        var problem = Validator.Validate(Request(interval: "1m") with { Source = "minutes", LookbackDays = 36_500 }).Problem!;

        Assert.Equal((ProblemKind.Unprocessable, "lookbackDays"), (problem.Kind, problem.Field));
        Assert.Null(Validator.Validate(Request(interval: "1m") with { Source = "minutes", LookbackDays = 7 }).Problem);
    }

    [Theory]
    [InlineData("* * * * * ?")]
    [InlineData("0/30 * * * * ?")]
    [InlineData("0,30 0 * * * ?")]
    public void Should_refuse_a_cron_that_fires_more_often_than_every_minute(string cron)
    {
        var problem = Validator.Validate(Request(schedule: new ScheduleDto("cron", cron))).Problem!;

        Assert.Equal((ProblemKind.Invalid, "schedule.cron"), (problem.Kind, problem.Field));
    }

    [Fact]
    public void Should_refuse_an_interval_under_a_minute_and_accept_a_minute()
    {
        Assert.Equal("schedule.intervalSeconds", Validator.Validate(Request(schedule: new ScheduleDto("interval", IntervalSeconds: 1))).Problem!.Field);
        Assert.Null(Validator.Validate(Request(schedule: new ScheduleDto("interval", IntervalSeconds: 60))).Problem);
        Assert.Null(Validator.Validate(Request(schedule: new ScheduleDto("cron", "0 0/5 * * * ?"))).Problem);
    }
}
