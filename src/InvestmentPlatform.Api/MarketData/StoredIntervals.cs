using System.Data.Common;
using InvestmentPlatform.Collectors.Core;

namespace InvestmentPlatform.Api.MarketData;

public static class StoredIntervals
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, SeriesTable table, long assetId, CancellationToken ct)
    {
        var intervals = new List<string>();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT DISTINCT interval FROM {table.Name} WHERE asset_id = @asset";
        cmd.With("asset", assetId);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            intervals.Add(reader.GetString(0));
        return intervals.Where(BarIntervals.IsKnown).OrderBy(BarIntervals.Rank).ToList();
    }

    /// <summary>
    /// The stored interval to answer <paramref name="interval"/> from: itself when stored, otherwise the coarsest finer
    /// one that divides it (weeks do not divide months). Null when nothing can produce it.
    /// </summary>
    public static string? BaseFor(string interval, IReadOnlyList<string> stored)
    {
        if (stored.Contains(interval))
            return interval;
        return stored
            .Where(s => BarIntervals.Rank(s) < BarIntervals.Rank(interval) && !(interval == "1mo" && s == "1wk"))
            .OrderByDescending(BarIntervals.Rank)
            .FirstOrDefault();
    }
}
