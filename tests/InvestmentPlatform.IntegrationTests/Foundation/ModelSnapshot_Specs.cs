using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.IntegrationTests.Foundation;

/// <summary>
/// Branches that each add a migration merge their model snapshots by text; a snapshot that lost a change would leave
/// the schema short of the model, and the next migration would carry someone else's change.
/// </summary>
public sealed class When_the_model_is_compared_with_its_migrations
{
    [Fact]
    public void Should_have_a_migration_for_every_change_on_PostgreSQL()
    {
        using var db = new PostgresPlatformDbContext(new DbContextOptionsBuilder<PostgresPlatformDbContext>()
            .UseNpgsql("Host=unused").UseSnakeCaseNamingConvention().Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Should_have_a_migration_for_every_change_on_SQLite()
    {
        using var db = new SqlitePlatformDbContext(new DbContextOptionsBuilder<SqlitePlatformDbContext>()
            .UseSqlite("Data Source=unused.db").UseSnakeCaseNamingConvention().Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
