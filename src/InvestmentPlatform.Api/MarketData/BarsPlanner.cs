using InvestmentPlatform.Data;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Api.Apis;
using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data.Assets;
using System.Data.Common;
using InvestmentPlatform.Data.Series;
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
        SeriesConnections connections, CurrencyConverter currencies, Asset asset, BarQuery query, CancellationToken ct)
    {
        var table = BarColumns.For(asset.AssetType);
        IReadOnlyList<AdjustmentSegment> segments;
        string? baseInterval;
        await using (var connection = await connections.OpenAsync(ct))
        {
            if (query.AsOf is not null)
                return await PlanAsOfAsync(connection, asset, query, ct);
            var stored = await StoredIntervals.ReadAsync(connection, table, asset.AssetId, ct);
            baseInterval = stored.Count == 0 ? query.Interval : StoredIntervals.BaseFor(query.Interval, stored);
            if (baseInterval is null)
                return (null, ApiProblems.Unprocessable("interval",
                    $"'{asset.Symbol}' has no bars that make '{query.Interval}': stored intervals are {string.Join(", ", stored)}; ask for one of them or a coarser one."));
            segments = table.HasEvents ? await Adjustment.SegmentsAsync(connection, asset.AssetId, query.Adjust, ct) : [];
        }

        var plan = new BarsPlan(table, asset.AssetId, baseInterval, query.Interval, query.From, query.To, segments, query.Limit, query.IncludeQuarantined);
        var header = new BarsResponse(asset.Symbol, asset.AssetType, query.Interval, baseInterval, query.Adjust,
            AssetDto.IsSyntheticSource(asset.Source), asset.Currency, [], PriceDecimals: AssetDto.PriceDecimals(asset));
        if (query.Currency is not { } target)
            return (new BarsSource(plan, header), null);
        try
        {
            plan = plan with { Conversion = await currencies.PlanAsync(asset.Symbol, asset.Currency, target, baseInterval, ct) };
            // The answer streams after its 200 is sent, so every bar's rate is checked before the first byte.
            if (await FirstMissingRateAsync(connections, plan, ct) is { } missing)
                throw await currencies.MissingAsync(plan.Conversion, missing, ct);
        }
        catch (AnalyticsException ex)
        {
            return (null, AnalyticsApi.Problem(ex));
        }
        return (new BarsSource(plan, target.Code == asset.Currency ? header : header with { Currency = target.Code, ConvertedFrom = asset.Currency, PriceDecimals = null }), null);
    }

    /// <summary>
    /// asOf reads the vintages, which are kept at the series' own frequency (stored as 1d), so it can answer 1d and the
    /// coarser intervals made from it; an asset without vintages has nothing to answer from, which is 422, never today's values.
    /// </summary>
    private static async Task<(BarsSource? Source, ProblemHttpResult? Problem)> PlanAsOfAsync(
        DbConnection connection, Asset asset, BarQuery query, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM series_vintages WHERE asset_id = @asset LIMIT 1";
        cmd.With("asset", asset.AssetId);
        if (await cmd.ExecuteScalarAsync(ct) is null)
            return (null, ApiProblems.Unprocessable("asOf",
                $"'{asset.Symbol}' keeps no vintages: asOf reads the revisions kept for FRED series collected at their own frequency (interval 1d)."));
        if (StoredIntervals.BaseFor(query.Interval, [Vintages.Interval]) is null)
            return (null, ApiProblems.Unprocessable("interval",
                $"Vintages are kept at the series' own frequency: with asOf ask for {Vintages.Interval} or a coarser interval."));
        if (query.Currency is not null)
            return (null, ApiProblems.Unprocessable("currency", "asOf answers in the series' own units: leave currency out."));
        var plan = new BarsPlan(BarColumns.For(asset.AssetType), asset.AssetId, Vintages.Interval, query.Interval, query.From, query.To, [],
            query.Limit, AsOf: query.AsOf);
        var header = new BarsResponse(asset.Symbol, asset.AssetType, query.Interval, Vintages.Interval, query.Adjust,
            AssetDto.IsSyntheticSource(asset.Source), asset.Currency, [], AsOf: DateOnly.FromDateTime(query.AsOf!.Value), PriceDecimals: AssetDto.PriceDecimals(asset));
        return (new BarsSource(plan, header), null);
    }

    private static async Task<DateTime?> FirstMissingRateAsync(SeriesConnections connections, BarsPlan plan, CancellationToken ct)
    {
        if (plan.Conversion is null or { IsIdentity: true })
            return null;
        await using var connection = await connections.OpenAsync(ct);
        var timescale = await connections.HasTimescaleAsync(connection, ct);
        await using var cmd = BarsSql.Build(connection, connections.Provider, timescale, plan, firstMissingRate: true);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetUtc(0) : null;
    }
}
