using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace InvestmentPlatform.Data;

public static class DataExtensions
{
    /// <summary>
    /// Registers <see cref="PlatformDbContext"/> on SQLite (ConnectionStrings:Platform unset) or PostgreSQL,
    /// the resolved <see cref="DatabaseSettings"/>, an <see cref="NpgsqlDataSource"/> on PostgreSQL, and the migrator.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformData(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.Resolve(
            builder.Configuration.GetConnectionString(DatabaseSettings.ConnectionStringName),
            Path.GetFullPath(builder.Configuration["Database:DataDirectory"] ?? "data"));
        builder.Services.AddSingleton(settings);
        builder.Services.AddOptions<TimescaleOptions>().BindConfiguration(TimescaleOptions.Section);

        if (settings.IsPostgres)
        {
            var dataSource = new NpgsqlDataSourceBuilder(WithSeriesPlanning(settings.ConnectionString)).Build();
            builder.Services.AddSingleton(dataSource);
            builder.Services.AddDbContext<PlatformDbContext, PostgresPlatformDbContext>((sp, o) => o
                .UseNpgsql(dataSource)
                .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>())
                .UseSnakeCaseNamingConvention());
        }
        else
        {
            builder.Services.AddDbContext<PlatformDbContext, SqlitePlatformDbContext>((sp, o) => o
                .UseSqlite(settings.ConnectionString)
                .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>())
                .UseSnakeCaseNamingConvention());
        }

        builder.Services.AddSingleton<PlatformDatabaseMigrator>();
        builder.Services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Series are read as key ranges in time order. With PostgreSQL's default random_page_cost (4, for spinning disks)
    /// the planner reads a range of 100,000 bars through a bitmap scan and then sorts it, spilling to disk, and the
    /// first row waits for the last; priced for SSDs and cached pages it walks the key in order and streams.
    /// A random_page_cost the connection string already sets is kept.
    /// </summary>
    public static string WithSeriesPlanning(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.Options?.Contains("random_page_cost", StringComparison.Ordinal) != true)
            b.Options = $"{b.Options} -c random_page_cost=1.1".Trim();
        return b.ConnectionString;
    }
}
