using InvestmentPlatform.Collectors.Core;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Collectors;

public static class CollectorsExtensions
{
    /// <summary>Registers the Collectors module's services.</summary>
    public static IHostApplicationBuilder AddCollectors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICollectorRegistry, CollectorRegistry>();
        return builder;
    }

    /// <summary>Registers the Collectors module's bus consumers.</summary>
    public static IBusRegistrationConfigurator AddCollectorsConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
