using InvestmentPlatform.Ingestion.Assets;
using InvestmentPlatform.Ingestion.Collection;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion.Incremental;
using InvestmentPlatform.Ingestion.Loading;
using InvestmentPlatform.Ingestion.Rejections;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Ingestion.Uploads;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Messaging;
using InvestmentPlatform.Messaging.Resilience;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Ingestion;

public static class IngestionExtensions
{
    /// <summary>Registers the Ingestion module's services: request validation and writing, planning, loading.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIngestionServices();
        return builder;
    }

    /// <summary>The services behind <see cref="AddIngestion"/>, for hosts that are not an application builder (tests, CLI).</summary>
    public static IServiceCollection AddIngestionServices(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutageLog>();
        services.TryAddSingleton<CollectorQueues>();
        services.TryAddSingleton<RequestLimits>();
        services.TryAddScoped<IngestionRequestValidator>();
        services.TryAddScoped<SourceDailyQuota>();
        services.TryAddScoped<IngestionRequestWriter>();
        services.TryAddSingleton<CsvUploads>();
        services.TryAddScoped<IncrementalTracker>();
        services.TryAddScoped<RequestPlanner>();
        services.TryAddScoped<RequestTally>();
        services.TryAddScoped<SourceCapacity>();
        services.TryAddScoped<ChunkDispatcher>();
        services.TryAddScoped<ChunkOutcomes>();
        services.TryAddScoped<ChunkRedelivery>();
        services.TryAddScoped<RequestCancellation>();
        services.TryAddScoped<AssetRegistrar>();
        services.TryAddScoped<PartLoader>();
        services.TryAddSingleton<LoadedRanges>();
        services.TryAddScoped<RejectionWriter>();
        services.TryAddScoped<ISeriesWriter>(sp => sp.GetRequiredService<PlatformDbContext>().Provider == DatabaseProvider.Postgres
            ? new PostgresSeriesWriter()
            : new SqliteSeriesWriter());
        return services;
    }

    /// <summary>
    /// Registers the Ingestion module's bus consumers: the request coordinator, one collector endpoint per source,
    /// the loader, and the sweeper that resumes durable state.
    /// </summary>
    public static IBusRegistrationConfigurator AddIngestionConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddIngestionServices();
        bus.AddConsumer<CollectionRequestedConsumer, IngestionConsumerDefinition<CollectionRequestedConsumer>>();
        bus.AddConsumer<ChunkFinishedConsumer, IngestionConsumerDefinition<ChunkFinishedConsumer>>();
        bus.AddConsumer<ChunkFaultConsumer, IngestionConsumerDefinition<ChunkFaultConsumer>>();
        bus.AddConsumer<DataCollectedConsumer, DataCollectedConsumerDefinition>();
        bus.AddConsumer<CollectChunkConsumer, CollectChunkConsumerDefinition>().ExcludeFromConfigureEndpoints();
        bus.AddSingleton(new ExplicitReceiveEndpoints(CollectorEndpoints.Configure));
        bus.AddHostedService<IngestionSweeper>();
        bus.AddHostedService<WorkerHeartbeat>();
        return bus;
    }
}
