using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>The value columns of each series table (after asset_id, interval, time) and how a row fills them.</summary>
public static class SeriesColumns
{
    public static IReadOnlyList<string> For(string table) => table switch
    {
        "market_data" => ["open", "high", "low", "close", "adj_close", "volume", "dividends", "stock_splits"],
        "forex_rates" => ["open", "high", "low", "close"],
        "bond_rates" => ["rate"],
        "economic_data" => ["value"],
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not a series table"),
    };

    /// <summary>Rows sorted by time with duplicates removed (the later one wins), so an upsert never hits a row twice.</summary>
    public static IReadOnlyList<SeriesRow> Distinct(IReadOnlyList<SeriesRow> rows)
    {
        var ordered = true;
        for (var i = 1; i < rows.Count && ordered; i++)
            ordered = rows[i].Time > rows[i - 1].Time;
        if (ordered)
            return rows;
        return rows.Select((r, i) => (r, i)).GroupBy(x => x.r.Time).Select(g => g.MaxBy(x => x.i).r).OrderBy(r => r.Time).ToList();
    }

    public static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
