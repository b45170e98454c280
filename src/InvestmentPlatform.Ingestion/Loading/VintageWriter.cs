using System.Data.Common;
using System.Globalization;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>
/// Keeps a part's vintages in series_vintages, inside the part's transaction: a vintage seen again only has its end
/// set (the revision that closed it); its value is never overwritten, so what was published stays as published.
/// </summary>
public static class VintageWriter
{
    public static async Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, DatabaseProvider provider,
        long assetId, IReadOnlyList<SeriesVintage>? vintages, CancellationToken ct)
    {
        if (vintages is not { Count: > 0 })
            return 0;
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText =
            "INSERT INTO series_vintages (asset_id, time, valid_from, valid_to, value) VALUES (@asset, @time, @from, @to, @value) " +
            "ON CONFLICT (asset_id, time, valid_from) DO UPDATE SET valid_to = excluded.valid_to";
        cmd.AddParameter("asset", assetId);
        var time = cmd.AddParameter("time", DBNull.Value);
        var from = cmd.AddParameter("from", DBNull.Value);
        var to = cmd.AddParameter("to", DBNull.Value);
        var value = cmd.AddParameter("value", 0d);
        foreach (var v in vintages)
        {
            time.Value = Stored(v.Time);
            from.Value = Stored(v.ValidFrom);
            to.Value = v.ValidTo is { } end ? Stored(end) : DBNull.Value;
            value.Value = v.Value;
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return vintages.Count;

        object Stored(DateTime t) => provider == DatabaseProvider.Postgres
            ? t.AsUtc()
            : t.AsUtc().ToString(SqliteSeriesWriter.TimeFormat, CultureInfo.InvariantCulture);
    }
}
