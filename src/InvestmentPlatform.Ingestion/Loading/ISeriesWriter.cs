using System.Data.Common;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>Upserts rows of one asset and interval into a series table inside the caller's transaction.</summary>
public interface ISeriesWriter
{
    /// <returns>The number of distinct rows written.</returns>
    Task<int> WriteAsync(DbConnection connection, DbTransaction transaction, SeriesTable table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct);
}
