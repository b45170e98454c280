using Microsoft.EntityFrameworkCore.Diagnostics;
using InvestmentPlatform.Messaging.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Messaging.Outbox;

public static class OutboxRelayExtensions
{
    /// <summary>Adds the relay that publishes committed outbox rows; safe to run in every process.</summary>
    public static IHostApplicationBuilder AddOutboxRelay(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutageLog>();
        builder.Services.AddSingleton<OutboxPublisher>();
        builder.Services.AddScoped<ISaveChangesInterceptor, OutboxSaveChangesInterceptor>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
