namespace InvestmentPlatform.Data.Series;

/// <summary>
/// A row of series_vintages: one published value of an observation and the days it was the published one
/// (ALFRED's real-time period), so a series can be read as it was known on a past date. Revisions add rows;
/// a row's value is never changed, only its <see cref="ValidTo"/> closed when a revision replaces it.
/// </summary>
public class SeriesVintageRow
{
    public long AssetId { get; set; }
    public DateTime Time { get; set; }
    public DateTime ValidFrom { get; set; }
    /// <summary>Last day (inclusive) the value was published; null while it still is.</summary>
    public DateTime? ValidTo { get; set; }
    public double Value { get; set; }
}

public static class Vintages
{
    /// <summary>The interval the vintages' series is stored in: a source keeps revisions only at the series' own frequency.</summary>
    public const string Interval = "1d";
}
