using InvestmentPlatform.Data.Series;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// Which column of a series table gives each field of a bar (<see cref="SeriesTable.BarColumn"/>): what a table does
/// not keep reads as NULL. Names come from the description only, so they are safe to put in SQL; every value from a
/// request goes in as a parameter.
/// </summary>
public sealed record BarColumns(string Name, string Open, string High, string Low, string Close, string AdjClose, string Volume, bool HasEvents)
{
    private static readonly Dictionary<SeriesTable, BarColumns> Tables = SeriesTable.All.ToDictionary(t => t, From);

    public static BarColumns For(string assetType) => Tables[SeriesTable.For(assetType)];

    private static BarColumns From(SeriesTable table)
    {
        string Name(SeriesField field) => table.BarColumn(field)?.Name ?? "NULL";
        return new(table.Name, Name(SeriesField.Open), Name(SeriesField.High), Name(SeriesField.Low), Name(SeriesField.Close),
            Name(SeriesField.AdjClose), Name(SeriesField.Volume), table.ColumnOf(SeriesField.Dividends) is not null);
    }
}
