using System.Security.Claims;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Apis;

/// <summary>
/// API keys: every user lists, makes and revokes their own; an admin sees and revokes everyone's. A key's scope
/// never outranks its owner's role, and its secret is answered once, at creation.
/// </summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization(AccessPolicies.Read);
        api.MapGet("/", List);
        api.MapPost("/", Create);
        api.MapDelete("/{id:guid}", Revoke);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyDto>>> List(PlatformDbContext db, ClaimsPrincipal caller, CancellationToken ct)
    {
        var userId = caller.UserIdOf();
        var all = caller.IsAdmin();
        var keys = await (from k in db.ApiKeys.AsNoTracking()
                          join u in db.Users.AsNoTracking() on k.UserId equals u.Id
                          where all || k.UserId == userId
                          orderby k.CreatedAt descending
                          select new { Key = k, u.UserName }).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ApiKeyDto>>(keys.Select(x => ToDto(x.Key, x.UserName)).ToList());
    }

    private static async Task<Results<Created<CreatedApiKeyDto>, ProblemHttpResult>> Create(
        CreateApiKeyRequest body, PlatformDbContext db, ClaimsPrincipal caller, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
            return ApiProblems.BadRequest("name", "name is required (at most 100 characters).");
        if (body.Scope is null || !AccessRoles.Scopes.Contains(body.Scope))
            return ApiProblems.BadRequest("scope", $"scope must be one of {string.Join(", ", AccessRoles.Scopes)}.");
        if (body.ExpiresAt is { } expires && expires.ToUniversalTime() <= now)
            return ApiProblems.BadRequest("expiresAt", "expiresAt must be in the future.");
        var role = caller.FindFirstValue(AccessClaims.Role);
        if (AccessRoles.Rank(AccessRoles.RoleOfScope(body.Scope)) > AccessRoles.Rank(role))
            return TypedResults.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden,
                detail: $"A key's scope cannot outrank its owner: a {role} may create keys up to scope {ScopeOf(role)}.");
        if (body.Metrics == true && role != AccessRoles.Admin)
            return TypedResults.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden,
                detail: "Only an admin may create a key with the metrics scope.");

        var secret = Secrets.New("ipk_");
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            UserId = caller.UserIdOf()!,
            Name = body.Name.Trim(),
            Prefix = secret[..12],
            KeyHash = Secrets.Hash(secret),
            Scope = body.Scope,
            Metrics = body.Metrics == true,
            CreatedAt = now,
            ExpiresAt = body.ExpiresAt?.ToUniversalTime(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/keys/{key.Id}", new CreatedApiKeyDto(ToDto(key, caller.Identity?.Name), secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid id, PlatformDbContext db, ClaimsPrincipal caller, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null || (key.UserId != caller.UserIdOf() && !caller.IsAdmin()))
            return ApiProblems.NotFound($"No API key {id}.");
        key.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static string ScopeOf(string? role) => role switch
    {
        AccessRoles.Admin => AccessRoles.AdminScope,
        AccessRoles.Analyst => AccessRoles.WriteScope,
        _ => AccessRoles.ReadScope,
    };

    private static ApiKeyDto ToDto(ApiKey k, string? owner) =>
        new(k.Id, k.Name, k.Prefix, k.Scope, k.Metrics, k.UserId, owner ?? k.UserId, k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt);
}
