using InvestmentPlatform.Data.Series;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// Which column of a series table gives each field of a bar, from its <see cref="SeriesTable"/> description: a table
/// with one value column (rates, economic values) gives it as open, high, low and close, and what a table does not
/// keep reads as NULL. Names come from the description only, so they are safe to put in SQL; every value from a
/// request goes in as a parameter.
/// </summary>
public sealed record BarColumns(string Name, string Open, string High, string Low, string Close, string AdjClose, string Volume, bool HasEvents)
{
    private static readonly Dictionary<SeriesTable, BarColumns> Tables = SeriesTable.All.ToDictionary(t => t, From);

    public static BarColumns For(string assetType) => Tables[SeriesTable.For(assetType)];

    private static BarColumns From(SeriesTable table)
    {
        var close = table.ColumnOf(SeriesField.Close)!.Name;
        string Or(SeriesField field, string absent) => table.ColumnOf(field)?.Name ?? absent;
        return new(table.Name, Or(SeriesField.Open, close), Or(SeriesField.High, close), Or(SeriesField.Low, close), close,
            Or(SeriesField.AdjClose, "NULL"), Or(SeriesField.Volume, "NULL"), table.ColumnOf(SeriesField.Dividends) is not null);
    }
}
