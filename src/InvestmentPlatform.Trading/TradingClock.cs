namespace InvestmentPlatform.Trading;

/// <summary>
/// The clock of paper trading: submission times, market hours, session ends, fill and event times. It is the platform's
/// <see cref="TimeProvider"/> unless a host gives trading its own (a replay, or a test that moves the market's clock
/// without moving the clock that signs tokens and paces the outbox).
/// </summary>
public sealed class TradingClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;
}
