using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", List).WithTags("Audit").RequireAuthorization(AccessPolicies.Admin);
        return app;
    }

    /// <summary>Newest first; filtered by user name, method, path prefix and time range.</summary>
    private static async Task<Results<Ok<PagedResult<AuditEntryDto>>, ProblemHttpResult>> List(
        PlatformDbContext db, int? page, int? pageSize, string? user, string? method, string? path, DateTime? from, DateTime? to,
        CancellationToken ct)
    {
        var (request, errors) = PageRequest.Parse(page, pageSize);
        if (request is null)
            return ApiProblems.BadRequest(errors!);
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
            query = query.Where(a => a.UserName == user);
        if (!string.IsNullOrWhiteSpace(method))
            query = query.Where(a => a.Method == method.ToUpperInvariant());
        if (!string.IsNullOrWhiteSpace(path))
            query = query.Where(a => a.Path.StartsWith(path));
        if (from is { } f)
            query = query.Where(a => a.Time >= f.ToUniversalTime());
        if (to is { } t)
            query = query.Where(a => a.Time < t.ToUniversalTime());
        var total = await query.LongCountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip(request.Skip).Take(request.PageSize)
            .Select(a => new AuditEntryDto(a.Id, a.Time, a.UserId, a.UserName, a.ApiKeyId, a.Method, a.Path, a.Changes))
            .ToListAsync(ct);
        return TypedResults.Ok(PagedResult<AuditEntryDto>.Create(items, request, total));
    }
}
