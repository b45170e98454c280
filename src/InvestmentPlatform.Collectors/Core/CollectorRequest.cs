namespace InvestmentPlatform.Collectors.Core;

/// <param name="Symbol">Provider symbol (AAPL, EURUSD=X, BTC-USD, DGS10).</param>
/// <param name="AssetType">Asset type when the caller knows it; otherwise the source infers it.</param>
/// <param name="Interval">Bar interval (see <see cref="BarIntervals"/>).</param>
/// <param name="From">Inclusive start, UTC.</param>
/// <param name="To">Exclusive end, UTC.</param>
/// <param name="Options">Source-specific options, such as "file" for CSV or "seed" for synthetic.</param>
public sealed record CollectorRequest(
    string Symbol,
    string? AssetType,
    string Interval,
    DateTime From,
    DateTime To,
    IReadOnlyDictionary<string, string>? Options = null);
