using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Sources.Csv;
using InvestmentPlatform.Collectors.Sources.Synthetic;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Collectors;

public static class CollectorsExtensions
{
    /// <summary>Registers every source as an <see cref="ICollector"/> and the registry that finds them by name.</summary>
    public static IHostApplicationBuilder AddCollectors(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICollectorRegistry, CollectorRegistry>();
        builder.Services.AddSingleton<ICollector, SyntheticCollector>();
        builder.Services.AddSingleton<ICollector, CsvCollector>();
        return builder;
    }

    /// <summary>Registers the Collectors module's bus consumers.</summary>
    public static IBusRegistrationConfigurator AddCollectorsConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
