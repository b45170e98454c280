using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace InvestmentPlatform.Data;

public sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlatformDbContext>()
            .UseSqlite("Data Source=design.db")
            .UseSnakeCaseNamingConvention()
            .Options);
}
