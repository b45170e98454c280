using InvestmentPlatform.ServiceDefaults;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Access;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// At start-up: the three roles, the admin from Auth:BootstrapAdminPassword, or on a database with no user the
/// one-time setup link, printed once; then the signing key, so the first request does not wait for it.
/// </summary>
public sealed class AccessBootstrap(
    IServiceScopeFactory scopes, SigningKeys signingKeys, SetupToken setup, IOptions<AccessOptions> options,
    IServer server, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AccessBootstrap> logger) : IHostedService
{
    private Task? _waiting;

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await BootstrapAsync(ct);
        }
        catch (Exception ex) when (TransientFailure.IsTransient(ex))
        {
            // The api stays live (and not ready) while the database is away, and bootstraps once it is back.
            logger.LogWarning("The database is unreachable; access bootstrap waits for it: {Reason}", ex.Message);
            _waiting = RetryAsync(lifetime.ApplicationStopping);
        }
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stopping);
                await BootstrapAsync(stopping);
                logger.LogInformation("The database is back: access bootstrapped");
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (TransientFailure.IsTransient(ex))
            {
                // Still away: the first warning said so.
            }
        }
    }

    /// <remarks>
    /// Every role of a deployment bootstraps at start, so on a new database two processes insert the same role or admin
    /// at once and the loser's save fails on the unique key. Its next pass, in a fresh scope, finds the winner's rows.
    /// </remarks>
    private async Task BootstrapAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await BootstrapOnceAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    private async Task BootstrapOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in AccessRoles.All)
                if (!await roles.RoleExistsAsync(role))
                    await roles.CreateAsync(new IdentityRole(role));

            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var settings = options.Value;
            if (!string.IsNullOrEmpty(settings.BootstrapAdminPassword))
            {
                var admin = await users.FindByNameAsync(settings.BootstrapAdminUser);
                if (admin is null)
                {
                    (admin, var errors) = await AdminAccount.CreateAsync(users, settings.BootstrapAdminUser, settings.BootstrapAdminPassword, AccessRoles.Admin, clock);
                    if (errors.Count > 0)
                        logger.LogError("The bootstrap admin {User} was not created: {Errors}", settings.BootstrapAdminUser, string.Join(" ", errors));
                    else
                        logger.LogInformation("Created the admin {User}", settings.BootstrapAdminUser);
                }
                if (admin is not null && settings.BootstrapApiKey is { Length: > 0 } key)
                    await SeedKeyAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), admin, key, ct);
            }
            else if (!users.Users.Any())
            {
                var token = setup.Open();
                lifetime.ApplicationStarted.Register(() => PrintSetupLink(token));
            }
        }
        await signingKeys.GetAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => _waiting ?? Task.CompletedTask;

    private async Task SeedKeyAsync(PlatformDbContext db, PlatformUser admin, string key, CancellationToken ct)
    {
        if (key.Length < 32)
            throw new PlatformConfigurationException("Auth__BootstrapApiKey must be at least 32 characters.");
        var hash = Secrets.Hash(key);
        if (await db.ApiKeys.AnyAsync(k => k.KeyHash == hash, ct))
            return;
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            UserId = admin.Id,
            Name = "bootstrap",
            Prefix = key[..Math.Min(12, key.Length)],
            KeyHash = hash,
            Scope = AccessRoles.AdminScope,
            Metrics = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process of the deployment seeded it first.
        }
    }

    private void PrintSetupLink(string token)
    {
        var address = options.Value.PublicUrl
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? "http://localhost:8080";
        address = address.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost");
        // Printed, not logged: the token opens the install, so it goes to the person at the terminal only.
        Console.WriteLine();
        Console.WriteLine("No user exists yet. To choose the admin's password, open:");
        Console.WriteLine($"    {address.TrimEnd('/')}/setup?token={token}");
        Console.WriteLine();
    }
}
