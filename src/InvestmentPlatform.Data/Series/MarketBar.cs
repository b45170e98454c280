namespace InvestmentPlatform.Data.Series;

/// <summary>A row of market_data: one OHLCV bar of a stock, crypto or commodity.</summary>
public class MarketBar : ISeriesEntity
{
    public long AssetId { get; set; }
    public required string Interval { get; set; }
    public DateTime Time { get; set; }
    public double Open { get; set; }
    public double High { get; set; }
    public double Low { get; set; }
    public double Close { get; set; }
    public double? AdjClose { get; set; }
    public double? Volume { get; set; }
    public double Dividends { get; set; }
    public double StockSplits { get; set; }
}
