using InvestmentPlatform.Messaging.Faults;
using InvestmentPlatform.ServiceDefaults;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Messaging.Resilience;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// Adds MassTransit on the transport named by Bus:Transport (InMemory or RabbitMq), the consumers that
    /// <paramref name="configureConsumers"/> registers, the outbox relay, and the fault ledger that keeps faulted messages in place of _error queues.
    /// The outbox and the ledger live in <typeparamref name="TContext"/>, whose model adds their tables.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TContext>(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> configureConsumers)
        where TContext : DbContext
    {
        var options = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var transport = ParseTransport(options.Transport);
        builder.Services.AddSingleton(options);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix, false));
            if (!options.UsageTelemetry)
            {
                bus.DisableUsageTelemetry();
                // MassTransit reads MASSTRANSIT_USAGE_TELEMETRY after the option and lets it win: only Bus__UsageTelemetry turns reports on.
                Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
            }
            configureConsumers(bus);
            bus.AddFaultLedger();
            bus.AddReceiveEndpointObserver<BrokerRecoveryObserver>();

            if (transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = options.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    UseCompactJson(cfg);
                    cfg.KeepFaultsInLedger(context);
                    ConfigureExplicitEndpoints(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    UseCompactJson(cfg);
                    cfg.KeepFaultsInLedger(context);
                    ConfigureExplicitEndpoints(context, cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        // A message published before the consumers' queues are bound on a fresh broker goes nowhere: the host serves
        // requests, and the outbox relay publishes, only once the bus has started.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = options.StopTimeout;
        });
        builder.AddOutboxRelay<TContext>();
        builder.Services.AddSingleton<Serilog.Core.ILogEventFilter, OutageLogFilter>();
        return builder;
    }

    private static void ConfigureExplicitEndpoints(IBusRegistrationContext context, IReceiveConfigurator cfg)
    {
        foreach (var endpoints in context.GetServices<ExplicitReceiveEndpoints>())
            endpoints.Configure(context, cfg);
    }

    /// <summary>MassTransit indents its JSON by default; data parts are large, and the whitespace is paid for on both ends.</summary>
    private static void UseCompactJson(IBusFactoryConfigurator cfg) =>
        cfg.ConfigureJsonSerializerOptions(json =>
        {
            json.WriteIndented = false;
            return json;
        });

    public static BusTransport ParseTransport(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "inmemory" or "in-memory" => BusTransport.InMemory,
        "rabbitmq" => BusTransport.RabbitMq,
        _ => throw new PlatformConfigurationException(
            $"Bus__Transport '{value}' is not known: use InMemory (the default) or RabbitMq."),
    };
}

public enum BusTransport
{
    InMemory,
    RabbitMq,
}
