using System.Security.Cryptography;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// The access-token signing key: made once per database, stored encrypted by Data Protection (whose key ring is in the
/// same database), so a restart keeps sessions and every api process of one deployment accepts the others' tokens.
/// </summary>
public sealed class SigningKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string KeyId = "access-token";
    private readonly IDataProtector _protector = protection.CreateProtector("InvestmentPlatform.AccessTokenSigningKey");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SymmetricSecurityKey? _key;

    /// <summary>The key, loaded at start-up by <see cref="AccessBootstrap"/>; a request that comes first loads it itself.</summary>
    public SecurityKey Current => _key ?? GetAsync(CancellationToken.None).GetAwaiter().GetResult();

    public async Task<SecurityKey> GetAsync(CancellationToken ct)
    {
        if (_key is not null)
            return _key;
        await _gate.WaitAsync(ct);
        try
        {
            return _key ??= new SymmetricSecurityKey(await LoadOrCreateAsync(ct)) { KeyId = KeyId };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken ct)
    {
        if (await ReadAsync(ct) is { } stored)
            return stored;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.SigningKeys.Add(new SigningKey
            {
                Id = KeyId,
                ProtectedKey = _protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another process of the deployment stored its key first: use that one.
            }
        }
        return await ReadAsync(ct) ?? throw new InvalidOperationException("The signing key could not be stored.");
    }

    private async Task<byte[]?> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.SigningKeys.AsNoTracking().Where(k => k.Id == KeyId).Select(k => k.ProtectedKey).FirstOrDefaultAsync(ct);
        return stored is null ? null : Convert.FromBase64String(_protector.Unprotect(stored));
    }
}
