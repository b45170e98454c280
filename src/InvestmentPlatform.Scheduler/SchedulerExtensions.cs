using InvestmentPlatform.Data;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Messaging.Resilience;
using InvestmentPlatform.Scheduler.Analytics;
using InvestmentPlatform.Scheduler.Consumers;
using InvestmentPlatform.Scheduler.Jobs;
using InvestmentPlatform.Scheduler.Quartz;
using InvestmentPlatform.Scheduler.Runs;
using InvestmentPlatform.Scheduler.Templates;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace InvestmentPlatform.Scheduler;

public static class SchedulerExtensions
{
    /// <summary>
    /// The scheduler services the API role uses: jobs, templates, runs, analytics and manual triggering. They only
    /// touch the database and the outbox, so they work in a process that does not run Quartz.
    /// </summary>
    public static IHostApplicationBuilder AddScheduler(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Jobs obey the limits of every collection request, whichever role this process runs.
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        builder.Services.TryAddSingleton<RequestLimits>();
        builder.Services.TryAddScoped<RequestCancellation>();
        builder.Services.AddSingleton<JobValidator>();
        builder.Services.AddScoped<NextFireTimes>();
        builder.Services.AddScoped<JobService>();
        builder.Services.AddScoped<TemplateService>();
        builder.Services.AddScoped<RunStore>();
        builder.Services.AddScoped<RunStarter>();
        builder.Services.AddScoped<RunOutcomes>();
        builder.Services.AddScoped<DependentRuns>();
        builder.Services.AddScoped<RunQueries>();
        builder.Services.AddScoped<RunAnalyticsService>();
        return builder;
    }

    /// <summary>
    /// The scheduler role itself: Quartz on the persistent ADO store (clustered on PostgreSQL, embedded on SQLite),
    /// trigger reconciliation from <c>scheduler_jobs</c>, and the run sweeper. Call only in the scheduler role,
    /// together with <see cref="AddSchedulerConsumers"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSchedulerRuntime(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.Resolve(
            builder.Configuration.GetConnectionString(DatabaseSettings.ConnectionStringName),
            Path.GetFullPath(builder.Configuration["Database:DataDirectory"] ?? "data"));
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();

        // The instance name is the sched_name every node shares in Quartz's tables.
        builder.Services.AddQuartz(new Dictionary<string, string?> { ["quartz.scheduler.instanceName"] = NextFireTimes.SchedulerName }, q =>
        {
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(s => s.MisfireThreshold = TimeSpan.FromSeconds(options.MisfireThresholdSeconds));
                if (settings.IsPostgres)
                {
                    store.UsePostgres(settings.ConnectionString);
                    // Nodes share the database and take triggers under row locks: each firing runs on one node.
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinSeconds * 2);
                    });
                }
                else
                {
                    store.UseSqlite(settings.ConnectionString);
                }
            });
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        builder.Services.AddSingleton<TriggerReconciler>();
        builder.Services.AddHostedService<SchedulerStartup>();
        builder.Services.TryAddSingleton<OutageLog>();
        builder.Services.AddHostedService<RunSweeper>();
        return builder;
    }

    /// <summary>The scheduler role's bus consumers: run outcomes from the pipeline, dependents, trigger changes.</summary>
    public static IBusRegistrationConfigurator AddSchedulerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CollectionCompletedConsumer>();
        bus.AddConsumer<CollectionFailedConsumer>();
        bus.AddConsumer<CollectionCancelledConsumer>();
        bus.AddConsumer<CollectionProgressConsumer>();
        bus.AddConsumer<ReportReadyConsumer>();
        bus.AddConsumer<DependentRunsConsumer>();
        bus.AddConsumer<SchedulerJobChangedConsumer>();
        return bus;
    }
}
