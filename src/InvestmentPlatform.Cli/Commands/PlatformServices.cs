using InvestmentPlatform.ServiceDefaults;
using InvestmentPlatform.Collectors;
using InvestmentPlatform.Data;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>
/// The platform's data, collectors and ingestion pipeline in this process: the embedded mode (SQLite under ./data and
/// the in-memory bus) unless ConnectionStrings__Platform and Bus__Transport say otherwise.
/// </summary>
internal static class PlatformServices
{
    /// <summary>The command line reads CSV files from the current directory unless Imports__Directory names another.</summary>
    public static IReadOnlyDictionary<string, string?> CommandLineDefaults => new Dictionary<string, string?>
    {
        ["Imports:Directory"] = Environment.CurrentDirectory,
    };

    public static async Task<IHost> StartAsync(bool pipeline, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(CommandLineDefaults).AddEnvironmentVariables();
        // The summary table names each symbol's failure in one line; the bus's fault log would repeat it with a stack
        // trace, and a first run's migration notes are not the user's concern.
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("MassTransit", LogLevel.Critical)
            .AddFilter("Microsoft.EntityFrameworkCore.Migrations", LogLevel.Error);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        try
        {
            builder.AddPlatformData();
            builder.AddCollectors();
            builder.AddIngestion();
            if (pipeline)
                builder.AddPlatformMessaging<PlatformDbContext>(bus =>
                {
                    bus.AddIngestionConsumers();
                });
            var host = builder.Build();
            await host.Services.GetRequiredService<PlatformDatabaseMigrator>().MigrateAsync(ct);
            if (pipeline)
                await host.StartAsync(ct);
            return host;
        }
        catch (PlatformConfigurationException ex)
        {
            throw new CommandLine.CliUsageException($"configuration: {ex.Message}");
        }
    }
}
