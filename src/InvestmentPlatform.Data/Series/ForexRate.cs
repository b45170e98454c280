namespace InvestmentPlatform.Data.Series;

/// <summary>A row of forex_rates: one OHLC bar of a currency pair.</summary>
public class ForexRate : ISeriesEntity
{
    public long AssetId { get; set; }
    public required string Interval { get; set; }
    public DateTime Time { get; set; }
    public double Open { get; set; }
    public double High { get; set; }
    public double Low { get; set; }
    public double Close { get; set; }
}
