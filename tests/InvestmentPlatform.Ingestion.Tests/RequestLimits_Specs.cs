using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Incremental;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.Extensions.Time.Testing;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_planning_and_limiting_requests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly RequestLimits Limits = new(Microsoft.Extensions.Options.Options.Create(new IngestionOptions()), Clock);

    [Theory]
    [InlineData("1mo", 20_000)]
    [InlineData("1d", int.MaxValue)]
    [InlineData("1m", 0)]
    public void Should_split_a_window_that_ends_at_the_last_representable_time_without_overflowing(string interval, int chunkMaxBars)
    {
        var from = new DateTime(9_000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = interval == "1m" ? from.AddDays(1) : DateTime.MaxValue;

        var chunks = ChunkPlanner.Split([new TimeWindow(from, to)], null, interval, chunkMaxBars).ToList();

        Assert.Equal(from, chunks[0].From);
        Assert.Equal(to, chunks[^1].To);
        Assert.All(chunks.Zip(chunks.Skip(1)), p => Assert.Equal(p.First.To, p.Second.From));
    }

    [Theory]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData("1899-12-31", "2024-01-01")]
    [InlineData("2024-01-01", "2026-06-03")]
    public void Should_refuse_dates_outside_1900_to_one_day_from_now(string from, string to) =>
        Assert.NotEmpty(Limits.CheckRange(DateTime.Parse(from).ToUniversalTime(), DateTime.Parse(to).ToUniversalTime()));

    [Fact]
    public void Should_accept_the_widest_allowed_range() =>
        Assert.Empty(Limits.CheckRange(DateLimits.Earliest, Clock.GetUtcNow().UtcDateTime.AddDays(1)));

    [Theory]
    [InlineData("AB\0C")]
    [InlineData("A/B")]
    [InlineData("A\\B")]
    [InlineData("AB\u202EC")]
    [InlineData("AB\u200FC")]
    [InlineData("AB\nC")]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_refuse_symbols_that_could_not_be_read_or_deleted_again(string symbol) =>
        Assert.NotNull(RequestLimits.SymbolProblem(symbol));

    [Theory]
    [InlineData("AAPL")]
    [InlineData("EURUSD=X")]
    [InlineData("^GSPC")]
    [InlineData("BTC-USD")]
    [InlineData("VOD.L")]
    [InlineData("GC=F")]
    public void Should_accept_provider_symbols(string symbol) => Assert.Null(RequestLimits.SymbolProblem(symbol));

    [Fact]
    public void Should_refuse_a_symbol_longer_than_64_characters_and_more_than_500_symbols()
    {
        Assert.NotNull(RequestLimits.SymbolProblem(new string('A', 5_000)));
        Assert.NotEmpty(Limits.CheckSymbols(Enumerable.Range(0, 5_000).Select(i => $"S{i}").ToList()));
    }

    [Fact]
    public void Should_refuse_a_request_planned_into_more_chunks_or_rows_than_the_ceilings()
    {
        var dayWindows = new SourceDescriptor("daily", "", ["stock"], ["1d"], new Dictionary<string, int?>(),
            new Dictionary<string, int?> { ["1d"] = 1 }, []);
        var from = new DateTime(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.Contains(Limits.CheckSize(null, "1m", 500, from, from.AddDays(3_000)), e => e.Unprocessable && e.Message.Contains("rows"));
        Assert.Contains(Limits.CheckSize(dayWindows, "1d", 2, from, to), e => e.Unprocessable && e.Message.Contains("7,306 chunks"));
        Assert.Empty(Limits.CheckSize(dayWindows, "1d", 1, from, to));
    }
}
