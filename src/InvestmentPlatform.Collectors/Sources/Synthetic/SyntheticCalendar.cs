using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Collectors.Core;

namespace InvestmentPlatform.Collectors.Sources.Synthetic;

/// <summary>Maps bar times to step indices counted from 1970, per interval.</summary>
internal sealed class SyntheticCalendar(string interval)
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime FirstMonday = new(1970, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Typical length of one step in minutes, for sizing batches.</summary>
    public double StepMinutes { get; } = interval switch
    {
        "1mo" => 365.25 * 1440 / 12,
        _ => BarIntervals.Length(interval).TotalMinutes,
    };

    /// <summary>First step whose bar starts at or after <paramref name="time"/>.</summary>
    public long FirstIndexAtOrAfter(DateTime time)
    {
        switch (interval)
        {
            case "1mo":
                var months = (time.Year - 1970) * 12L + time.Month - 1;
                return time == TimeOf(months) ? months : months + 1;
            case "1wk":
                return CeilDiv((time - FirstMonday).Ticks, TimeSpan.TicksPerDay * 7);
            default:
                return CeilDiv((time - Epoch).Ticks, BarIntervals.Length(interval).Ticks);
        }
    }

    public DateTime TimeOf(long index) => interval switch
    {
        "1mo" => new DateTime((int)(1970 + index / 12), (int)(index % 12) + 1, 1, 0, 0, 0, DateTimeKind.Utc),
        "1wk" => FirstMonday.AddDays(7 * index),
        _ => Epoch.AddTicks(index * BarIntervals.Length(interval).Ticks),
    };

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}
