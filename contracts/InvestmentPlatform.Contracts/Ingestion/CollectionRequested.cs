namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// v1. Ask the platform to collect <paramref name="Symbols"/> from <paramref name="Source"/>.
/// Published by the API, the scheduler and the CLI through the outbox.
/// </summary>
/// <param name="RequestId">Identity of the request; also the ingestion request row's key.</param>
/// <param name="JobId">Scheduler job that fired this request, if any.</param>
/// <param name="RunId">Scheduler run that fired this request, if any.</param>
/// <param name="Source">yahoo, coinbase, fred, csv or synthetic.</param>
/// <param name="Symbols">Provider symbols, for example AAPL, EURUSD=X, BTC-USD, DGS10.</param>
/// <param name="AssetType">stock, forex, crypto, bond, commodity or economic_indicator; null lets the source decide.</param>
/// <param name="Interval">Bar interval: 1m, 5m, 15m, 30m, 1h, 1d, 1wk or 1mo.</param>
/// <param name="From">Inclusive start, UTC.</param>
/// <param name="To">Exclusive end, UTC.</param>
/// <param name="Mode">batch (the whole range) or incremental (only the gaps).</param>
/// <param name="RequestedAt">When the request was made, UTC.</param>
/// <param name="Options">Source-specific options (CSV file path, synthetic seed); added in v1.1, null when absent.</param>
public record CollectionRequested(
    Guid RequestId,
    Guid? JobId,
    Guid? RunId,
    string Source,
    IReadOnlyList<string> Symbols,
    string? AssetType,
    string Interval,
    DateTime From,
    DateTime To,
    string Mode,
    DateTime RequestedAt,
    IReadOnlyDictionary<string, string>? Options = null);
