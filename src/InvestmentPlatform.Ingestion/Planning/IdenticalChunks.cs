using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Incremental;

namespace InvestmentPlatform.Ingestion.Planning;

/// <summary>
/// The one rule for coalescing: two chunks are identical when they belong to different requests of the same source and
/// interval and ask for the same symbol and window. The planner, the outcomes and the sweeper all match by it.
/// </summary>
public static class IdenticalChunks
{
    /// <summary>A chunk and one identical chunk of another request.</summary>
    public sealed class Pair
    {
        public required IngestionChunk Chunk { get; init; }
        public required IngestionChunk Other { get; init; }
    }

    /// <summary>The chunks of other requests identical to a chunk that is about to be planned.</summary>
    public static IQueryable<IngestionChunk> Of(PlatformDbContext db, Guid requestId, string source, string interval, string symbol, TimeWindow window) =>
        from c in db.IngestionChunks
        join r in db.IngestionRequests on c.RequestId equals r.Id
        where r.Id != requestId && r.Source == source && r.Interval == interval
              && c.Symbol == symbol && c.From == window.From && c.To == window.To
        select c;

    /// <summary>Every stored chunk paired with each chunk identical to it.</summary>
    public static IQueryable<Pair> Pairs(PlatformDbContext db) =>
        from c in db.IngestionChunks
        join r in db.IngestionRequests on c.RequestId equals r.Id
        from o in db.IngestionChunks
        join ro in db.IngestionRequests on o.RequestId equals ro.Id
        where ro.Id != r.Id && ro.Source == r.Source && ro.Interval == r.Interval
              && o.Symbol == c.Symbol && o.From == c.From && o.To == c.To
        select new Pair { Chunk = c, Other = o };
}
