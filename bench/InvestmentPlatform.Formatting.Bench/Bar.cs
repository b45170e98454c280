namespace InvestmentPlatform.Formatting.Bench;

/// <summary>One row as the bars query returns it: (time, open, high, low, close, adj_close, volume).</summary>
public readonly record struct Bar(DateTime Time, double Open, double High, double Low, double Close, double? AdjClose, double? Volume);
