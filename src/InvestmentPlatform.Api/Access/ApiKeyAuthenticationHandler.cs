using System.Security.Claims;
using System.Text.Encodings.Web;
using InvestmentPlatform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// Authenticates `Authorization: ApiKey …` or `X-Api-Key: …` against the stored hash on every request, so a
/// revoked key is refused at once by every process. The key acts with its scope, never above its owner's current role.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PlatformDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";
    public const string AuthorizationScheme = "ApiKey";
    /// <summary>Last use is written at most this often per key: a busy script should not write on every call.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public static string? Read(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
            return header.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(AuthorizationScheme + " ", StringComparison.OrdinalIgnoreCase)
            ? authorization[(AuthorizationScheme.Length + 1)..].Trim()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Read(Request) is not { Length: > 0 } presented)
            return AuthenticateResult.NoResult();

        var hash = Secrets.Hash(presented);
        var ct = Context.RequestAborted;
        var found = await (from k in db.ApiKeys.AsNoTracking()
                           join u in db.Users.AsNoTracking() on k.UserId equals u.Id
                           where k.KeyHash == hash
                           select new { Key = k, u.UserName, u.IsDisabled }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (found is null || found.Key.RevokedAt is not null || found.Key.ExpiresAt <= now.UtcDateTime || found.IsDisabled)
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");

        var ownerRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                                where ur.UserId == found.Key.UserId select r.Name).ToListAsync(ct);
        var rank = Math.Min(AccessRoles.Rank(AccessRoles.RoleOfScope(found.Key.Scope)), ownerRoles.Select(AccessRoles.Rank).DefaultIfEmpty(-1).Max());
        if (rank < 0)
            return AuthenticateResult.Fail("The API key's owner has no role.");
        var role = AccessRoles.All[rank];

        if (found.Key.LastUsedAt is null || now.UtcDateTime - found.Key.LastUsedAt >= LastUseResolution)
            await db.ApiKeys.Where(k => k.Id == found.Key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now.UtcDateTime), ct);

        List<Claim> claims =
        [
            new(AccessClaims.UserId, found.Key.UserId),
            new(AccessClaims.Name, found.UserName ?? found.Key.UserId),
            new(AccessClaims.Role, role),
            new(AccessClaims.KeyId, found.Key.Id.ToString()),
        ];
        if (found.Key.Metrics)
            claims.Add(new Claim(AccessClaims.Scope, AccessRoles.MetricsScope));
        var identity = new ClaimsIdentity(claims, Scheme.Name, AccessClaims.Name, AccessClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
