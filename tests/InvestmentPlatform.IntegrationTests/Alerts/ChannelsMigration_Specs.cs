using InvestmentPlatform.Data;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>
/// Rules written before notification channels existed kept their webhook and email inline: the NotificationChannels
/// migration turns each distinct one into a channel of the rule's owner and points the rules at it, on both databases.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_rules_with_inline_webhooks_and_emails_are_migrated
{
    [Fact]
    public async Task Should_give_each_owner_one_channel_per_distinct_target_on_PostgreSQL()
    {
        await using var database = await TestServices.CreateDatabaseAsync(empty: true);
        await using var db = new PostgresPlatformDbContext(new DbContextOptionsBuilder<PostgresPlatformDbContext>()
            .UseNpgsql(database.ConnectionString).UseSnakeCaseNamingConvention().Options);
        await MigrateWithInlineTargetsAsync(db);
    }

    [Fact]
    public async Task Should_give_each_owner_one_channel_per_distinct_target_on_SQLite()
    {
        var folder = Directory.CreateTempSubdirectory("ip-channels-migration-").FullName;
        try
        {
            await using var db = new SqlitePlatformDbContext(new DbContextOptionsBuilder<SqlitePlatformDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "platform.db")};Pooling=false").UseSnakeCaseNamingConvention().Options);
            await MigrateWithInlineTargetsAsync(db);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MigrateWithInlineTargetsAsync(PlatformDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("AlertPortfolioRules");
        // alice: two rules on one webhook, one of them also emailing; bob: the same address with his own secret.
        var (a1, a2, b1, plain) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await InsertAsync(db, a1, "alice", "webhook,email", "https://hooks.example.com/a", "alice-secret-0123456", "alice@example.com");
        await InsertAsync(db, a2, "alice", "inapp,webhook", "https://hooks.example.com/a", "alice-secret-0123456", null);
        await InsertAsync(db, b1, "bob", "webhook", "https://hooks.example.com/a", "bob-secret-0123456789", null);
        await InsertAsync(db, plain, "bob", "inapp", null, null, null);

        await migrator.MigrateAsync();

        var channels = await db.NotificationChannels.AsNoTracking().ToListAsync();
        var rules = await db.AlertRules.AsNoTracking().ToDictionaryAsync(r => r.Id);
        Assert.Equal(3, channels.Count);
        var aliceHook = Assert.Single(channels, c => c is { OwnerId: "alice", Kind: "webhook" });
        Assert.Equal(("https://hooks.example.com/a", "alice-secret-0123456"), (aliceHook.Url, aliceHook.Secret));
        var aliceMail = Assert.Single(channels, c => c is { OwnerId: "alice", Kind: "email" });
        Assert.Equal("alice@example.com", aliceMail.Email);
        var bobHook = Assert.Single(channels, c => c.OwnerId == "bob");
        Assert.Equal("bob-secret-0123456789", bobHook.Secret);
        Assert.Equal((aliceHook.Id, aliceMail.Id), (rules[a1].WebhookChannelId, rules[a1].EmailChannelId));
        Assert.Equal((aliceHook.Id, (Guid?)null), (rules[a2].WebhookChannelId, rules[a2].EmailChannelId));
        Assert.Equal(bobHook.Id, rules[b1].WebhookChannelId);
        Assert.Equal(((Guid?)null, (Guid?)null), (rules[plain].WebhookChannelId, rules[plain].EmailChannelId));
    }

    private static Task<int> InsertAsync(PlatformDbContext db, Guid id, string owner, string channels, string? url, string? secret, string? email)
    {
        var now = DateTime.UtcNow;
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO alert_rules (id, owner_id, name, kind, enabled, cooldown_seconds, channels, armed, version, created_at, updated_at,
                                     webhook_url, webhook_secret, email)
            VALUES ({id}, {owner}, {"rule of " + owner}, {"price"}, {true}, {0}, {channels}, {true}, {Guid.NewGuid()}, {now}, {now}, {url}, {secret}, {email})
            """);
    }
}
