using System.Security.Claims;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.OpenApi;
using InvestmentPlatform.Api.Rejections;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

/// <summary>Rows collectors refused, with their reasons, per collection request and per asset.</summary>
public static class RejectedRowsApi
{
    public static IEndpointRouteBuilder MapRejectedRowsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ingestion/requests/{id:guid}/rejected", ForRequestAsync).WithTags("Ingestion")
            .WithName("ListRequestRejectedRows").WithSummary("Rows the request's collection refused, with their reasons, newest first")
            .WithExample(ApiExamples.RejectedPage);
        app.MapGet("/api/assets/{symbol}/rejected", ForAssetAsync).WithTags("Assets")
            .WithName("ListAssetRejectedRows").WithSummary("Rows refused in the asset's collections, with their reasons, newest first")
            .WithExample(ApiExamples.RejectedPage);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<RejectedRowDto>>, ProblemHttpResult>> ForRequestAsync(
        Guid id, PlatformDbContext db, ClaimsPrincipal user, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        if (paging is null)
            return ApiProblems.BadRequest(errors!);
        if (!await db.IngestionRequests.Where(r => r.Id == id).Where(RequestVisibility.VisibleTo(user)).AnyAsync(ct))
            return ApiProblems.NotFound($"No collection request {id}.");
        return TypedResults.Ok(await PageAsync(db.IngestionRejections.Where(x => x.RequestId == id), paging, ct));
    }

    private static async Task<Results<Ok<PagedResult<RejectedRowDto>>, ProblemHttpResult>> ForAssetAsync(
        string symbol, PlatformDbContext db, ClaimsPrincipal user, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var (paging, errors) = PageRequest.Parse(page, pageSize);
        if (paging is null)
            return ApiProblems.BadRequest(errors!);
        if (await AssetsApi.FindAsync(db, symbol, ct) is not { } asset)
            return AssetsApi.UnknownSymbol(symbol);
        // Only the rows of requests the user may read: the asset is everyone's, another user's collection is not.
        var visible = db.IngestionRequests.Where(RequestVisibility.VisibleTo(user)).Select(r => r.Id);
        return TypedResults.Ok(await PageAsync(
            db.IngestionRejections.Where(x => x.AssetId == asset.AssetId && visible.Contains(x.RequestId)), paging, ct));
    }

    /// <summary>Newest stored first; within one load, newest row first, rows without a readable time last.</summary>
    private static async Task<PagedResult<RejectedRowDto>> PageAsync(IQueryable<IngestionRejection> query, PageRequest paging, CancellationToken ct)
    {
        var total = await query.LongCountAsync(ct);
        var rows = await query.AsNoTracking()
            .OrderByDescending(x => x.RecordedAt).ThenBy(x => x.Time == null).ThenByDescending(x => x.Time).ThenByDescending(x => x.Ordinal)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return PagedResult<RejectedRowDto>.Create(rows.Select(RejectedRowDto.From).ToList(), paging, total);
    }
}
