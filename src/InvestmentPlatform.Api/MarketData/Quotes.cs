using InvestmentPlatform.Data;
using System.Data.Common;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>Latest bars and watchlist rows, read newest first; in another currency when one is asked (422 without a rate).</summary>
public sealed class Quotes(SeriesConnections connections, CurrencyConverter currencies)
{
    public const int SparklinePoints = 30;

    public async Task<LatestBarDto?> LatestAsync(Asset asset, string interval, CurrencyUnit? currency, CancellationToken ct)
    {
        List<BarDto> bars;
        await using (var connection = await connections.OpenAsync(ct))
            bars = await NewestAsync(connection, asset, interval, 2, ct);
        if (bars.Count == 0)
            return null;
        bars = await ConvertAsync(asset, interval, bars, currency, ct);
        var last = bars[0];
        double? previous = bars.Count > 1 ? bars[1].Close : null;
        var change = PriceChange.Of(last.Close, previous);
        return new LatestBarDto(asset.Symbol, interval, last.Time, last.Open, last.High, last.Low, last.Close, last.Volume,
            previous, change, previous is { } p && p != 0 ? change / p * 100 : null, currency?.Code ?? asset.Currency);
    }

    public async Task<WatchlistItemDto> WatchlistItemAsync(Asset asset, CurrencyUnit? currency, CancellationToken ct)
    {
        string? interval;
        List<BarDto> bars;
        await using (var connection = await connections.OpenAsync(ct))
        {
            var table = BarColumns.For(asset.AssetType);
            var stored = await StoredIntervals.ReadAsync(connection, table, asset.AssetId, ct);
            // Daily bars make the most readable sparkline; otherwise the coarsest stored series.
            interval = stored.Contains("1d") ? "1d" : stored.LastOrDefault();
            bars = interval is null ? [] : await NewestAsync(connection, asset, interval, SparklinePoints, ct);
        }
        if (interval is not null)
            bars = await ConvertAsync(asset, interval, bars, currency, ct);
        double? last = bars.Count > 0 ? bars[0].Close : null;
        double? previous = bars.Count > 1 ? bars[1].Close : null;
        var change = PriceChange.Of(last, previous);
        return new WatchlistItemDto(asset.Symbol, asset.Name, asset.AssetType, currency?.Code ?? asset.Currency, AssetDto.IsSyntheticSource(asset.Source),
            last, change, previous is { } p && p != 0 ? change / p * 100 : null, bars.Count > 0 ? bars[0].Time : null,
            bars.Select(b => b.Close).Reverse().ToList());
    }

    /// <summary>The bars' prices times the rate at each bar's time; throws the 422 naming the pair at the first bar without one.</summary>
    private async Task<List<BarDto>> ConvertAsync(Asset asset, string interval, List<BarDto> bars, CurrencyUnit? currency, CancellationToken ct)
    {
        if (currency is null || bars.Count == 0)
            return bars;
        var conversion = await currencies.PlanAsync(asset.Symbol, asset.Currency, currency, interval, ct);
        if (conversion.IsIdentity)
            return bars;
        var rates = await currencies.LoadAsync(conversion, bars.Min(b => b.Time), bars.Max(b => b.Time), ct);
        return bars.Select(b => rates.RateAt(b.Time) is { } r
                ? b with { Open = b.Open * r, High = b.High * r, Low = b.Low * r, Close = b.Close * r, AdjClose = b.AdjClose * r }
                : throw AnalyticsException.Unprocessable(CurrencyConverter.Field, rates.MissingAt(b.Time)!))
            .ToList();
    }

    private static async Task<List<BarDto>> NewestAsync(DbConnection connection, Asset asset, string interval, int count, CancellationToken ct)
    {
        var t = BarColumns.For(asset.AssetType);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT time, {t.Open}, {t.High}, {t.Low}, {t.Close}, {t.Volume} FROM {t.Name}
            WHERE asset_id = @asset AND interval = @interval ORDER BY time DESC LIMIT @count
            """;
        cmd.With("asset", asset.AssetId).With("interval", interval).With("count", count);
        var decimals = AssetDto.PriceDecimals(asset);
        var bars = new List<BarDto>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        double Price(int ordinal) => PricePrecision.Round(reader.GetDouble(ordinal), decimals);
        while (await reader.ReadAsync(ct))
            bars.Add(new BarDto(reader.GetUtc(0), Price(1), Price(2), Price(3), Price(4), null, reader.GetNullableDouble(5)));
        return bars;
    }
}
