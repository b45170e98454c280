using System.Data;
using System.Data.Common;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Quality.Checks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace InvestmentPlatform.Quality.Running;

/// <summary>Reads a window of one series, from whichever table holds it, as the checks' bars.</summary>
public sealed class QualitySeriesReader(PlatformDbContext db)
{
    // A typed zero: Npgsql reads an integer literal only as an integer.
    private const string Zero = "CAST(0 AS DOUBLE PRECISION)";

    /// <summary>Bars in [from, to], oldest first.</summary>
    /// <remarks>
    /// A plain reader on the context's connection, not an EF query: a check reads up to a slice of 100,000 bars, and
    /// materialising them through EF was a third of a check's time.
    /// </remarks>
    public async Task<List<QualityBar>> ReadAsync(string assetType, long assetId, string interval, DateTime from, DateTime to, CancellationToken ct)
    {
        var table = SeriesTable.For(assetType);
        var close = table.ColumnOf(SeriesField.Close)!.Name;
        string Or(SeriesField field, string absent) => table.ColumnOf(field)?.Name ?? absent;
        // Column names come from the table's description only; every value goes in as a parameter.
        var sql = $"""
            SELECT "time", {Or(SeriesField.Open, close)}, {Or(SeriesField.High, close)}, {Or(SeriesField.Low, close)}, {close},
                   {Or(SeriesField.Volume, "NULL")}, {Or(SeriesField.Dividends, Zero)}, {Or(SeriesField.StockSplits, Zero)}
            FROM {table.Name}
            WHERE asset_id = @asset AND "interval" = @interval AND "time" >= @from AND "time" <= @to
            ORDER BY "time"
            """;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(cmd, "asset", assetId);
            Add(cmd, "interval", interval);
            Add(cmd, "from", from);
            Add(cmd, "to", to);
            var bars = new List<QualityBar>();
            await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                bars.Add(new QualityBar(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), reader.GetDouble(1),
                    reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                    reader.GetDouble(6), reader.GetDouble(7)));
            }
            return bars;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Time of the series' first stored bar, or null when it has none.</summary>
    public Task<DateTime?> FirstTimeAsync(string assetType, long assetId, string interval, CancellationToken ct) =>
        db.Series(SeriesTable.For(assetType), assetId, interval).MinAsync(r => (DateTime?)r.Time, ct);

    /// <summary>Stored bars in [from, to].</summary>
    public Task<int> CountAsync(string assetType, long assetId, string interval, DateTime from, DateTime to, CancellationToken ct) =>
        db.Series(SeriesTable.For(assetType), assetId, interval).Where(r => r.Time >= from && r.Time <= to).CountAsync(ct);

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
