using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Messaging.Outbox;

public static class OutboxRelayExtensions
{
    /// <summary>
    /// Adds the relay that publishes committed outbox rows of <typeparamref name="TContext"/> (whose model calls
    /// <see cref="MessagingModel.AddOutbox"/>); safe to run in every process.
    /// </summary>
    public static IHostApplicationBuilder AddOutboxRelay<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        builder.Services.AddMessageStore<TContext>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutageLog>();
        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddScoped<ISaveChangesInterceptor, OutboxSaveChangesInterceptor>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }

    /// <summary>Outbox rows left without a correlation id take the current one (<see cref="OutboxCorrelationInterceptor"/>).</summary>
    public static IServiceCollection AddOutboxCorrelation(this IServiceCollection services) =>
        services.AddSingleton<ISaveChangesInterceptor, OutboxCorrelationInterceptor>();

    /// <summary>
    /// The relay and the fault ledger work on the application's context as a plain <see cref="DbContext"/>:
    /// Messaging owns the outbox and message_faults tables, the application's context only includes them.
    /// </summary>
    internal static IServiceCollection AddMessageStore<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.TryAddScoped<DbContext>(sp => sp.GetRequiredService<TContext>());
        return services;
    }
}
