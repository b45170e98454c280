using InvestmentPlatform.Api.Access;
using System.Security.Claims;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.OpenApi;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Assets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

public static class AssetsApi
{
    private static readonly string[] SortFields = ["symbol", "name", "assetType", "updatedAt"];

    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assets").WithTags("Assets");
        api.MapGet("/", ListAsync).WithName("ListAssets").WithSummary("List assets (filter, search, sort, page)")
            .WithExample(ApiExamples.AssetPage);
        api.MapGet("/{symbol}", GetAsync).WithName("GetAsset").WithSummary("One asset").WithExample(ApiExamples.Asset);
        api.MapPost("/", CreateAsync).WithName("CreateAsset").WithSummary("Register an asset")
            .WithExample(ApiExamples.Asset, ApiExamples.AssetBody);
        api.MapPut("/{symbol}", UpdateAsync).WithName("UpdateAsset").WithSummary("Replace an asset's description")
            .WithExample(ApiExamples.Asset, ApiExamples.AssetBody);
        api.MapDelete("/{symbol}", DeleteAsync).WithName("DeleteAsset")
            .WithSummary("Delete an asset and its stored series; 409 while scheduler jobs reference it");
        api.MapGet("/{symbol}/coverage", CoverageAsync).WithName("GetAssetCoverage")
            .WithSummary("First and last bar, row count and gaps per stored interval").WithExample(ApiExamples.Coverage);
        api.MapGet("/{symbol}/collections", CollectionsAsync).WithName("ListAssetCollections")
            .WithSummary("Collection history of the asset (data_collection_log)").WithExample(ApiExamples.CollectionPage);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<AssetDto>>, ProblemHttpResult>> ListAsync(
        PlatformDbContext db, string? type, string? source, string? q, int? page, int? pageSize, string? sort, CancellationToken ct,
        string? interval = null, string? since = null)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        errors ??= [];
        if (!QueryTime.TryParse(since, out var sinceTime))
            errors["since"] = [$"'{since}' is not an ISO-8601 date or time (for example 2024-01-02 or 2024-01-02T15:30:00Z)."];
        else if (sinceTime is not null && interval is null)
            errors["since"] = ["since filters the bars stored at an interval: give interval too."];
        if (type is not null && !AssetTypes.IsKnown(type))
            errors["type"] = [$"type '{type}' is not known: use {string.Join(", ", AssetTypes.All)}."];
        if (interval is not null && !BarIntervals.IsKnown(interval))
            errors["interval"] = [$"interval '{interval}' is not known: use {string.Join(", ", BarIntervals.All)}."];
        var sortField = sort?.TrimStart('-');
        if (sort is not null && !SortFields.Contains(sortField))
            errors["sort"] = [$"sort '{sort}' is not supported: use {string.Join(", ", SortFields)}, optionally prefixed with '-'."];
        if (errors.Count > 0)
            return ApiProblems.BadRequest(errors);

        var query = db.Assets.AsNoTracking();
        if (type is not null)
            query = query.Where(a => a.AssetType == type);
        if (!string.IsNullOrWhiteSpace(source))
        {
            var s = source.Trim().ToLower();
            query = query.Where(a => a.Source.ToLower() == s);
        }
        // Only assets with stored bars at the interval (since a time, when given), from whichever series table their type
        // uses: an analysis picker's choices, which must have prices in the window it analyses.
        if (interval is not null)
        {
            var from = sinceTime ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
            query = query.Where(a => db.MarketData.Any(b => b.AssetId == a.AssetId && b.Interval == interval && b.Time >= from)
                                     || db.ForexRates.Any(b => b.AssetId == a.AssetId && b.Interval == interval && b.Time >= from)
                                     || db.BondRates.Any(b => b.AssetId == a.AssetId && b.Interval == interval && b.Time >= from)
                                     || db.EconomicData.Any(b => b.AssetId == a.AssetId && b.Interval == interval && b.Time >= from));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLower();
            query = query.Where(a => a.Symbol.ToLower().Contains(text) || (a.Name != null && a.Name.ToLower().Contains(text)));
        }

        var descending = sort?.StartsWith('-') == true;
        query = (sortField ?? "symbol") switch
        {
            "name" => descending ? query.OrderByDescending(a => a.Name).ThenBy(a => a.Symbol) : query.OrderBy(a => a.Name).ThenBy(a => a.Symbol),
            "assetType" => descending ? query.OrderByDescending(a => a.AssetType).ThenBy(a => a.Symbol) : query.OrderBy(a => a.AssetType).ThenBy(a => a.Symbol),
            "updatedAt" => descending ? query.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Symbol) : query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Symbol),
            _ => descending ? query.OrderByDescending(a => a.Symbol) : query.OrderBy(a => a.Symbol),
        };

        var total = await query.LongCountAsync(ct);
        var items = await query.Skip(paging!.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(PagedResult<AssetDto>.Create(items.Select(AssetDto.From).ToList(), paging, total));
    }

    private static async Task<Results<Ok<AssetDto>, ProblemHttpResult>> GetAsync(PlatformDbContext db, string symbol, CancellationToken ct) =>
        await FindAsync(db, symbol, ct) is { } asset
            ? TypedResults.Ok(AssetDto.From(asset))
            : UnknownSymbol(symbol);

    private static async Task<Results<Created<AssetDto>, ProblemHttpResult>> CreateAsync(
        PlatformDbContext db, ICollectorRegistry registry, AssetRequest body, TimeProvider clock, CancellationToken ct)
    {
        if (body.Validate() is { Count: > 0 } errors)
            return ApiProblems.BadRequest(errors);
        if (body.CheckSource(registry) is { } sourceProblem)
            return ApiProblems.Unprocessable("source", sourceProblem);
        var symbol = body.Symbol!.Trim();
        if (await db.Assets.AnyAsync(a => a.Symbol == symbol, ct))
            return ApiProblems.Conflict($"An asset with symbol '{symbol}' already exists.");

        var now = clock.GetUtcNow().UtcDateTime;
        var asset = new Asset { Symbol = symbol, AssetType = body.AssetType!, Source = body.Source!, CreatedAt = now };
        body.ApplyTo(asset, now);
        db.Assets.Add(asset);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent create of the same symbol won the unique index.
            return ApiProblems.Conflict($"An asset with symbol '{symbol}' already exists.");
        }
        return TypedResults.Created($"/api/assets/{Uri.EscapeDataString(symbol)}", AssetDto.From(asset));
    }

    private static async Task<Results<Ok<AssetDto>, ProblemHttpResult>> UpdateAsync(
        PlatformDbContext db, ICollectorRegistry registry, string symbol, AssetRequest body, TimeProvider clock, CancellationToken ct)
    {
        // The path names the asset; a body symbol is optional but must agree.
        var request = body with { Symbol = body.Symbol ?? symbol };
        if (request.Validate() is { Count: > 0 } errors)
            return ApiProblems.BadRequest(errors);
        if (!string.Equals(request.Symbol!.Trim(), symbol, StringComparison.Ordinal))
            return ApiProblems.BadRequest("symbol", $"The body's symbol '{request.Symbol}' differs from the path's '{symbol}'; symbols cannot be renamed.");
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Symbol == symbol, ct);
        if (asset is null)
            return UnknownSymbol(symbol);
        if (request.Version is not { } read)
            return ApiProblems.BadRequest(EditVersions.Field, EditVersions.Missing);
        if (read != asset.Version)
            return ApiProblems.Stale(EditVersions.Stale($"Asset '{symbol}'", asset.Version));
        if (request.CheckSource(registry) is { } sourceProblem)
            return ApiProblems.Unprocessable("source", sourceProblem);

        request.ApplyTo(asset, clock.GetUtcNow().UtcDateTime);
        EditVersions.Advance(db, asset, read);
        if (await EditVersions.SaveAsync(db, () => db.Assets.Where(a => a.Symbol == symbol).Select(a => (int?)a.Version).FirstOrDefaultAsync(ct), ct) is { } lost)
            return lost.Current is { } v ? ApiProblems.Stale(EditVersions.Stale($"Asset '{symbol}'", v)) : UnknownSymbol(symbol);
        return TypedResults.Ok(AssetDto.From(asset));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(PlatformDbContext db, string symbol, CancellationToken ct)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Symbol == symbol, ct);
        if (asset is null)
            return UnknownSymbol(symbol);

        var jobs = await SchedulerReferences.JobsReferencingAsync(db, symbol, ct);
        if (jobs.Count > 0)
            return ApiProblems.Conflict(
                $"Asset '{symbol}' is referenced by scheduler job(s) {string.Join(", ", jobs.Select(j => $"'{j}'"))}: remove it from them first.");

        db.Assets.Remove(asset);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CoverageDto>, ProblemHttpResult>> CoverageAsync(
        PlatformDbContext db, AssetCoverage coverage, string symbol, CancellationToken ct) =>
        await FindAsync(db, symbol, ct) is { } asset
            ? TypedResults.Ok(await coverage.ReadAsync(asset, ct))
            : UnknownSymbol(symbol);

    private static async Task<Results<Ok<PagedResult<CollectionLogDto>>, ProblemHttpResult>> CollectionsAsync(
        PlatformDbContext db, string symbol, int? page, int? pageSize, ClaimsPrincipal user, CancellationToken ct)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        if (errors is not null)
            return ApiProblems.BadRequest(errors);
        if (await FindAsync(db, symbol, ct) is not { } asset)
            return UnknownSymbol(symbol);

        var query = db.DataCollectionLog.AsNoTracking().Where(l => l.Symbol == asset.Symbol);
        // The asset is everyone's; another user's collection of it is not (admins see every one).
        if (!user.IsAdmin())
        {
            var visible = db.IngestionRequests.Where(RequestVisibility.VisibleTo(user)).Select(r => r.Id);
            query = query.Where(l => visible.Contains(l.RequestId));
        }
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(l => l.StartedAt).ThenByDescending(l => l.Id)
            .Skip(paging!.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(PagedResult<CollectionLogDto>.Create(rows.Select(CollectionLogDto.From).ToList(), paging, total));
    }

    /// <summary>
    /// The asset as its symbol is stored (as the provider spells it), or else the one asset whose symbol matches ignoring
    /// case: "aapl" finds AAPL. Two assets differing only in case leave a case-blind lookup unanswered (404).
    /// </summary>
    internal static async Task<Asset?> FindAsync(PlatformDbContext db, string symbol, CancellationToken ct)
    {
        if (await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Symbol == symbol, ct) is { } exact)
            return exact;
        var upper = symbol.ToUpperInvariant();
        var found = await db.Assets.AsNoTracking().Where(a => a.Symbol.ToUpper() == upper).Take(2).ToListAsync(ct);
        return found.Count == 1 ? found[0] : null;
    }

    internal static ProblemHttpResult UnknownSymbol(string symbol) => ApiProblems.NotFound($"No asset with symbol '{symbol}'.");
}
