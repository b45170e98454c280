using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>What both loaders do to a part's rows before writing them.</summary>
public static class SeriesRows
{
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
}
