using System.Data.Common;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;

namespace InvestmentPlatform.Ingestion.Loading;

/// <summary>Upserts rows of one asset and interval into a series table inside the caller's transaction.</summary>
public interface ISeriesWriter
{
    /// <returns>
    /// Every row stored in the part's range once the write is done (its rows and any stored beside them), oldest first,
    /// for what follows the load (<see cref="LoadedRanges"/>); null when the writer cannot know it, as when a concurrent
    /// load stored rows there too.
    /// </returns>
    Task<IReadOnlyList<SeriesRow>?> WriteAsync(DbConnection connection, DbTransaction transaction, SeriesTable table, long assetId, string interval,
        IReadOnlyList<SeriesRow> rows, CancellationToken ct);
}
