using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.Quality;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Quality;
using InvestmentPlatform.Quality.Checks;
using InvestmentPlatform.Quality.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace InvestmentPlatform.Api.Apis;

public static class QualityApi
{
    private const int FindingsPerSeries = 20;
    private static readonly string[] SortFields = ["score", "symbol", "checkedAt", "openFindings"];
    private static readonly string[] Statuses = [FindingStatuses.Open, FindingStatuses.Accepted, FindingStatuses.Rejected];

    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/quality").WithTags("Data quality");
        api.MapGet("/", ListAsync).WithName("ListSeriesQuality").WithSummary("Series by quality score (worst first), with their open findings")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/findings", FindingsAsync).WithName("ListQualityFindings").WithSummary("Findings, filtered and paged")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/findings/{id:long}", FindingAsync).WithName("GetQualityFinding").WithSummary("One finding")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/findings/{id:long}/accept", (SeriesQualityRunner runner, PlatformDbContext db, ClaimsPrincipal user, long id, CancellationToken ct) =>
                DecideAsync(runner, db, user, id, FindingStatuses.Accepted, ct))
            .WithName("AcceptQualityFinding").WithSummary("The bar is right as stored: release it from quarantine")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/findings/{id:long}/reject", (SeriesQualityRunner runner, PlatformDbContext db, ClaimsPrincipal user, long id, CancellationToken ct) =>
                DecideAsync(runner, db, user, id, FindingStatuses.Rejected, ct))
            .WithName("RejectQualityFinding").WithSummary("The bar is wrong: keep it quarantined and out of review")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/assets/{symbol}/quality", AssetAsync).WithTags("Data quality").WithName("GetAssetQuality")
            .WithSummary("Quality score and findings of each stored interval of one asset")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<SeriesQualityDto>>, ProblemHttpResult>> ListAsync(
        PlatformDbContext db, string? interval, string? type, double? maxScore, int? page, int? pageSize, string? sort, CancellationToken ct)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        errors ??= [];
        var sortField = sort?.TrimStart('-');
        if (sort is not null && !SortFields.Contains(sortField))
            errors["sort"] = [$"sort '{sort}' is not supported: use {string.Join(", ", SortFields)}, optionally prefixed with '-'."];
        if (interval is not null && !BarIntervals.IsKnown(interval))
            errors["interval"] = [$"interval '{interval}' is not known: use {string.Join(", ", BarIntervals.All)}."];
        if (type is not null && !AssetTypes.IsKnown(type))
            errors["type"] = [$"type '{type}' is not known: use {string.Join(", ", AssetTypes.All)}."];
        if (maxScore is < 0 or > 100)
            errors["maxScore"] = ["maxScore must be between 0 and 100."];
        if (errors.Count > 0)
            return ApiProblems.BadRequest(errors);

        var query = from q in db.SeriesQuality.AsNoTracking()
                    join a in db.Assets.AsNoTracking() on q.AssetId equals a.AssetId
                    select new { q, a.Symbol, a.AssetType };
        if (interval is not null) query = query.Where(x => x.q.Interval == interval);
        if (type is not null) query = query.Where(x => x.AssetType == type);
        if (maxScore is not null) query = query.Where(x => x.q.Score <= maxScore);
        var descending = sort?.StartsWith('-') == true;
        query = (sortField ?? "score") switch
        {
            "symbol" => descending ? query.OrderByDescending(x => x.Symbol).ThenBy(x => x.q.Interval) : query.OrderBy(x => x.Symbol).ThenBy(x => x.q.Interval),
            "checkedAt" => descending ? query.OrderByDescending(x => x.q.CheckedAt).ThenBy(x => x.Symbol) : query.OrderBy(x => x.q.CheckedAt).ThenBy(x => x.Symbol),
            "openFindings" => descending ? query.OrderByDescending(x => x.q.OpenFindings).ThenBy(x => x.Symbol) : query.OrderBy(x => x.q.OpenFindings).ThenBy(x => x.Symbol),
            _ => descending ? query.OrderByDescending(x => x.q.Score).ThenBy(x => x.Symbol) : query.OrderBy(x => x.q.Score).ThenBy(x => x.Symbol),
        };
        var total = await query.LongCountAsync(ct);
        var rows = await query.Skip(paging!.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<SeriesQualityDto>();
        foreach (var r in rows)
            items.Add(await SeriesAsync(db, r.q, r.Symbol, r.AssetType, onlyOpen: true, ct));
        return TypedResults.Ok(PagedResult<SeriesQualityDto>.Create(items, paging, total));
    }

    private static async Task<Results<Ok<AssetQualityDto>, ProblemHttpResult>> AssetAsync(PlatformDbContext db, string symbol, CancellationToken ct)
    {
        if (await AssetsApi.FindAsync(db, symbol, ct) is not { } asset)
            return ApiProblems.NotFound($"Unknown symbol '{symbol}'.");
        var rows = await db.SeriesQuality.AsNoTracking().Where(q => q.AssetId == asset.AssetId).ToListAsync(ct);
        var series = new List<SeriesQualityDto>();
        foreach (var q in rows.OrderBy(q => BarIntervals.Rank(q.Interval)))
            series.Add(await SeriesAsync(db, q, asset.Symbol, asset.AssetType, onlyOpen: false, ct));
        return TypedResults.Ok(new AssetQualityDto(asset.Symbol, series));
    }

    private static async Task<Results<Ok<PagedResult<FindingDto>>, ProblemHttpResult>> FindingsAsync(
        PlatformDbContext db, string? symbol, string? interval, string? kind, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        errors ??= [];
        if (kind is not null && !FindingKinds.All.Contains(kind))
            errors["kind"] = [$"kind '{kind}' is not known: use {string.Join(", ", FindingKinds.All)}."];
        if (status is not null && !Statuses.Contains(status))
            errors["status"] = [$"status '{status}' is not known: use {string.Join(", ", Statuses)}."];
        if (interval is not null && !BarIntervals.IsKnown(interval))
            errors["interval"] = [$"interval '{interval}' is not known: use {string.Join(", ", BarIntervals.All)}."];
        if (errors.Count > 0)
            return ApiProblems.BadRequest(errors);
        var query = from f in db.QualityFindings.AsNoTracking()
                    join a in db.Assets.AsNoTracking() on f.AssetId equals a.AssetId
                    select new { f, a.Symbol };
        if (symbol is not null)
        {
            if (await AssetsApi.FindAsync(db, symbol, ct) is not { } asset)
                return ApiProblems.NotFound($"Unknown symbol '{symbol}'.");
            query = query.Where(x => x.f.AssetId == asset.AssetId);
        }
        if (interval is not null) query = query.Where(x => x.f.Interval == interval);
        if (kind is not null) query = query.Where(x => x.f.Kind == kind);
        if (status is not null) query = query.Where(x => x.f.Status == status);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(x => x.f.BarTime).ThenBy(x => x.f.Id).Skip(paging!.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(PagedResult<FindingDto>.Create(rows.Select(x => FindingDto.From(x.f, x.Symbol)).ToList(), paging, total));
    }

    private static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> FindingAsync(PlatformDbContext db, long id, CancellationToken ct)
    {
        var row = await (from f in db.QualityFindings.AsNoTracking()
                         join a in db.Assets.AsNoTracking() on f.AssetId equals a.AssetId
                         where f.Id == id
                         select new { f, a.Symbol }).FirstOrDefaultAsync(ct);
        return row is null ? ApiProblems.NotFound($"Unknown finding {id}.") : TypedResults.Ok(FindingDto.From(row.f, row.Symbol));
    }

    private static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> DecideAsync(
        SeriesQualityRunner runner, PlatformDbContext db, ClaimsPrincipal user, long id, string status, CancellationToken ct)
    {
        var who = user.FindFirstValue(AccessClaims.Name) ?? user.UserIdOf();
        var finding = await runner.DecideAsync(id, status, who, ct);
        if (finding is null)
            return ApiProblems.NotFound($"Unknown finding {id}.");
        var symbol = await db.Assets.AsNoTracking().Where(a => a.AssetId == finding.AssetId).Select(a => a.Symbol).FirstAsync(ct);
        return TypedResults.Ok(FindingDto.From(finding, symbol));
    }

    private static async Task<SeriesQualityDto> SeriesAsync(PlatformDbContext db, SeriesQuality q, string symbol, string assetType, bool onlyOpen, CancellationToken ct)
    {
        var findings = db.QualityFindings.AsNoTracking().Where(f => f.AssetId == q.AssetId && f.Interval == q.Interval);
        if (onlyOpen)
            findings = findings.Where(f => f.Status == FindingStatuses.Open);
        var list = await findings.OrderByDescending(f => f.BarTime).Take(onlyOpen ? FindingsPerSeries : 1000).ToListAsync(ct);
        return new(symbol, assetType, q.Interval, q.Score, q.Coverage, q.Sanity, q.Freshness, q.ExpectedBars, q.MissingBars, q.StoredBars,
            q.SuspectBars, q.OpenFindings, q.LastBar, q.Calendar, q.CheckedAt, list.Select(f => FindingDto.From(f, symbol)).ToList());
    }
}
