using InvestmentPlatform.Contracts.Ingestion;
using System.Data.Common;
using InvestmentPlatform.Collectors.Core;

namespace InvestmentPlatform.Api.MarketData;

public static class StoredIntervals
{
    /// <summary>
    /// The known intervals the asset has rows in, finest first: one index probe per interval rather than a DISTINCT
    /// over every row of the asset (a year of minute bars is half a million index entries).
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(DbConnection connection, BarColumns table, long assetId, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = string.Join("\nUNION ALL\n", BarIntervals.All.Select((_, i) =>
            $"SELECT @i{i} AS interval WHERE EXISTS (SELECT 1 FROM {table.Name} WHERE asset_id = @asset AND interval = @i{i})"));
        cmd.With("asset", assetId);
        for (var i = 0; i < BarIntervals.All.Count; i++)
            cmd.With($"i{i}", BarIntervals.All[i]);
        var intervals = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            intervals.Add(reader.GetString(0));
        return intervals.OrderBy(BarIntervals.Rank).ToList();
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
