namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// One observation of a series at <paramref name="Time"/> (UTC, start of the bar).
/// Rates and economic values carry the value in <paramref name="Close"/> with Open, High and Low equal to it.
/// </summary>
/// <param name="Time">Start of the bar, UTC.</param>
/// <param name="Open">Opening price.</param>
/// <param name="High">Highest price.</param>
/// <param name="Low">Lowest price.</param>
/// <param name="Close">Closing price, rate or value.</param>
/// <param name="AdjClose">Close adjusted for splits and dividends when the provider supplies it.</param>
/// <param name="Volume">Traded volume, when the series has one.</param>
/// <param name="Dividends">Cash dividend paid on this bar (0 when none).</param>
/// <param name="StockSplits">Split ratio effective on this bar (0 when none; 2 for a 2-for-1 split).</param>
public record SeriesRow(
    DateTime Time,
    double Open,
    double High,
    double Low,
    double Close,
    double? AdjClose = null,
    double? Volume = null,
    double Dividends = 0,
    double StockSplits = 0);
