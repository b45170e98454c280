using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InvestmentPlatform.Api.Access;

/// <summary>What a sign-in or a refresh answers.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>Issues short-lived access tokens and rotating, revocable refresh tokens.</summary>
public sealed class TokenService(
    PlatformDbContext db, UserManager<PlatformUser> users, SigningKeys keys, IOptions<AccessOptions> options, TimeProvider clock)
{
    public const string Issuer = "investment-platform";
    public const string Audience = "investment-platform";
    private const string RefreshPrefix = "iprt_";

    public async Task<TokenPair> IssueAsync(PlatformUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var refresh = Secrets.New(RefreshPrefix);
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            TokenHash = Secrets.Hash(refresh),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        await db.SaveChangesAsync(ct);
        return new TokenPair(await AccessTokenAsync(user, now, ct), refresh, (int)options.Value.AccessTokenLifetime.TotalSeconds);
    }

    /// <summary>Swaps a live refresh token for a new pair. Presenting a revoked one revokes every session of its user,
    /// since only a stolen copy is ever replayed.</summary>
    public async Task<TokenPair?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == Secrets.Hash(refreshToken), ct);
        if (stored is null || stored.ExpiresAt <= now)
            return null;
        if (stored.RevokedAt is not null)
        {
            await RevokeAllAsync(stored.UserId, ct);
            return null;
        }
        var user = await users.FindByIdAsync(stored.UserId);
        if (user is null || user.IsDisabled)
            return null;
        stored.RevokedAt = now;
        return await IssueAsync(user, ct);
    }

    public async Task RevokeAsync(string refreshToken, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Secrets.Hash(refreshToken);
        // Tracked rather than ExecuteUpdate, so a signed-in logout is audited with the revocation.
        if (await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, ct) is { } stored)
        {
            stored.RevokedAt = now;
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task RevokeAllAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    /// <summary>The highest of the user's roles (a user normally has exactly one).</summary>
    public async Task<string> RoleOfAsync(PlatformUser user) =>
        (await users.GetRolesAsync(user)).OrderByDescending(AccessRoles.Rank).FirstOrDefault() ?? AccessRoles.Viewer;

    private async Task<string> AccessTokenAsync(PlatformUser user, DateTime now, CancellationToken ct) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.AccessTokenLifetime,
            Claims = new Dictionary<string, object>
            {
                [AccessClaims.UserId] = user.Id,
                [AccessClaims.Name] = user.UserName ?? user.Id,
                [AccessClaims.Role] = await RoleOfAsync(user),
                [AccessClaims.Stamp] = user.SecurityStamp ?? "",
            },
            SigningCredentials = new SigningCredentials(await keys.GetAsync(ct), SecurityAlgorithms.HmacSha256),
        });
}
