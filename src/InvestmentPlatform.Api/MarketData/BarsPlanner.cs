using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data.Assets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>One asset's part of a bars answer: what to read and the header that describes it.</summary>
public sealed record BarsSource(BarsPlan Plan, BarsResponse Header);

public static class BarsPlanner
{
    /// <summary>
    /// Which stored interval answers the query for <paramref name="asset"/> and which adjustment segments apply, or
    /// 422 when the stored bars cannot make the interval.
    /// </summary>
    public static async Task<(BarsSource? Source, ProblemHttpResult? Problem)> PlanAsync(
        SeriesConnections connections, Asset asset, BarQuery query, CancellationToken ct)
    {
        var table = BarColumns.For(asset.AssetType);
        IReadOnlyList<AdjustmentSegment> segments;
        string? baseInterval;
        await using (var connection = await connections.OpenAsync(ct))
        {
            var stored = await StoredIntervals.ReadAsync(connection, table, asset.AssetId, ct);
            baseInterval = stored.Count == 0 ? query.Interval : StoredIntervals.BaseFor(query.Interval, stored);
            if (baseInterval is null)
                return (null, ApiProblems.Unprocessable("interval",
                    $"'{asset.Symbol}' has no bars that make '{query.Interval}': stored intervals are {string.Join(", ", stored)}; ask for one of them or a coarser one."));
            segments = table.HasEvents ? await Adjustment.SegmentsAsync(connection, asset.AssetId, query.Adjust, ct) : [];
        }

        var plan = new BarsPlan(table, asset.AssetId, baseInterval, query.Interval, query.From, query.To, segments, query.Limit, query.IncludeQuarantined);
        var header = new BarsResponse(asset.Symbol, asset.AssetType, query.Interval, baseInterval, query.Adjust,
            AssetDto.IsSyntheticSource(asset.Source), asset.Currency, []);
        return (new BarsSource(plan, header), null);
    }
}
