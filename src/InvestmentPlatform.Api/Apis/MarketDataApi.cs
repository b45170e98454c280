using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Api.OpenApi;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using InvestmentPlatform.Reports.Exports;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

public static class MarketDataApi
{
    public const int MaxWatchlist = 50;
    public const int MaxExportSymbols = 500;

    public static IEndpointRouteBuilder MapMarketDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/market-data").WithTags("Market data");
        api.MapGet("/watchlist", WatchlistAsync).WithName("GetWatchlist")
            .WithSummary($"Last value, change and sparkline of the given symbols (or the first {MaxWatchlist} assets)")
            .WithExample(ApiExamples.Watchlist);
        api.MapGet("/{symbol}/bars", BarsAsync).WithName("GetBars")
            .WithSummary("Stored bars, resampled server-side to a coarser interval and adjusted for splits and dividends; with asOf, an economic series as it was published on that day")
            .Produces<BarsResponse>(StatusCodes.Status200OK, "application/json", "text/csv", ParquetBarWriter.ContentType, ArrowBarWriter.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExample(ApiExamples.Bars);
        api.MapGet("/export", ExportAsync).WithName("ExportBars")
            .WithSummary("The bars of several symbols as one long table (symbol, time, open, high, low, close, adj_close, volume), streamed as Parquet, an Arrow IPC stream or CSV")
            .Produces(StatusCodes.Status200OK, null, ParquetBarWriter.ContentType, ArrowBarWriter.ContentType, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{symbol}/corporate-actions", CorporateActionsAsync).WithName("GetCorporateActions")
            .WithSummary("Dividends and splits of one asset, one per day, oldest first (for chart markers)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{symbol}/latest", LatestAsync).WithName("GetLatestBar")
            .WithSummary("The newest bar of an interval with the change against the one before")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExample(ApiExamples.Latest);
        return app;
    }

    private static async Task<IResult> BarsAsync(
        HttpRequest request, PlatformDbContext db, SeriesConnections connections, CurrencyConverter currencies, string symbol,
        string? interval, string? from, string? to, string? adjust, string? format, int? limit, string? quality, string? currency,
        string? asOf, CancellationToken ct)
    {
        var (query, errors) = BarQuery.Parse(request, interval, from, to, adjust, format, limit, quality, currency, asOf);
        if (query is null)
            return ApiProblems.BadRequest(errors);
        if (!query.IsKnownInterval)
            return UnsupportedInterval(query.Interval);
        if (await AssetsApi.FindAsync(db, symbol, ct) is not { } asset)
            return AssetsApi.UnknownSymbol(symbol);

        var (source, problem) = await BarsPlanner.PlanAsync(connections, currencies, asset, query, ct);
        return source is null ? problem! : new BarsResult(connections, [source], query.Format, longTable: false);
    }

    /// <summary>The bars of several symbols as one long table (symbol first), for notebooks: Parquet by default.</summary>
    private static async Task<IResult> ExportAsync(
        HttpRequest request, PlatformDbContext db, SeriesConnections connections, CurrencyConverter currencies, string? symbols,
        string? interval, string? from, string? to, string? adjust, string? format, string? currency, CancellationToken ct)
    {
        var wanted = (symbols ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();
        if (wanted.Count == 0)
            return ApiProblems.BadRequest("symbols", "symbols is required: a comma-separated list.");
        if (wanted.Count > MaxExportSymbols)
            return ApiProblems.BadRequest("symbols", $"At most {MaxExportSymbols} symbols per export ({wanted.Count} given).");
        var (query, errors) = BarQuery.Parse(request, interval, from, to, adjust, format ?? "parquet", null, currency: currency);
        if (query is null)
            return ApiProblems.BadRequest(errors);
        if (query.Format == BarFormat.Json)
            return ApiProblems.BadRequest("format", "The export is a long table: use parquet, arrow or csv.");
        if (!query.IsKnownInterval)
            return UnsupportedInterval(query.Interval);

        var assets = await db.Assets.AsNoTracking().Where(a => wanted.Contains(a.Symbol)).ToListAsync(ct);
        var missing = wanted.Except(assets.Select(a => a.Symbol)).ToList();
        if (missing.Count > 0)
            return ApiProblems.NotFound($"No asset with symbol {string.Join(", ", missing.Select(m => $"'{m}'"))}.");

        var sources = new List<BarsSource>();
        foreach (var asset in wanted.Select(w => assets.First(a => a.Symbol == w)))
        {
            var (source, problem) = await BarsPlanner.PlanAsync(connections, currencies, asset, query, ct);
            if (source is null)
                return problem!;
            sources.Add(source);
        }
        return new BarsResult(connections, sources, query.Format, longTable: true);
    }

    private static async Task<Results<Ok<IReadOnlyList<CorporateActionDto>>, ProblemHttpResult>> CorporateActionsAsync(
        PlatformDbContext db, string symbol, string? from, string? to, CancellationToken ct)
    {
        var errors = QueryTime.ParseRange(from, to, out var fromTime, out var toTime);
        if (errors.Count > 0)
            return ApiProblems.BadRequest(errors);
        if (await AssetsApi.FindAsync(db, symbol, ct) is not { } asset)
            return AssetsApi.UnknownSymbol(symbol);
        return TypedResults.Ok(await CorporateActions.ReadAsync(db, asset, fromTime, toTime, ct));
    }

    private static async Task<Results<Ok<LatestBarDto>, ProblemHttpResult>> LatestAsync(
        PlatformDbContext db, Quotes quotes, string symbol, string? interval, string? currency, CancellationToken ct)
    {
        var wanted = string.IsNullOrWhiteSpace(interval) ? "1d" : interval.Trim();
        if (!BarIntervals.IsKnown(wanted))
            return UnsupportedInterval(wanted);
        try
        {
            var target = CurrencyConverter.ParseTarget(currency);
            if (await AssetsApi.FindAsync(db, symbol, ct) is not { } asset)
                return AssetsApi.UnknownSymbol(symbol);
            return await quotes.LatestAsync(asset, wanted, target, ct) is { } latest
                ? TypedResults.Ok(latest)
                : ApiProblems.NotFound($"'{symbol}' has no {wanted} bars yet.");
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
    }

    private static async Task<Results<Ok<List<WatchlistItemDto>>, ProblemHttpResult>> WatchlistAsync(
        PlatformDbContext db, Quotes quotes, string? symbols, string? currency, CancellationToken ct)
    {
        var wanted = (symbols ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();
        if (wanted.Count > MaxWatchlist)
            return ApiProblems.BadRequest("symbols", $"At most {MaxWatchlist} symbols per watchlist ({wanted.Count} given).");

        var assets = wanted.Count == 0
            ? await db.Assets.AsNoTracking().OrderBy(a => a.Symbol).Take(MaxWatchlist).ToListAsync(ct)
            : await db.Assets.AsNoTracking().Where(a => wanted.Contains(a.Symbol)).ToListAsync(ct);
        var missing = wanted.Except(assets.Select(a => a.Symbol)).ToList();
        if (missing.Count > 0)
            return ApiProblems.NotFound($"No asset with symbol {string.Join(", ", missing.Select(m => $"'{m}'"))}.");

        var ordered = wanted.Count == 0 ? assets : wanted.Select(w => assets.First(a => a.Symbol == w)).ToList();
        var items = new List<WatchlistItemDto>();
        try
        {
            var target = CurrencyConverter.ParseTarget(currency);
            foreach (var asset in ordered)
                items.Add(await quotes.WatchlistItemAsync(asset, target, ct));
        }
        catch (AnalyticsException ex)
        {
            return AnalyticsApi.Problem(ex);
        }
        return TypedResults.Ok(items);
    }

    private static ProblemHttpResult UnsupportedInterval(string interval) =>
        ApiProblems.Unprocessable("interval", $"interval '{interval}' is not supported: use {string.Join(", ", BarIntervals.All)}.");
}
