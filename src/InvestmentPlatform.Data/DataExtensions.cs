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
            var dataSource = new NpgsqlDataSourceBuilder(settings.ConnectionString).Build();
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
}
