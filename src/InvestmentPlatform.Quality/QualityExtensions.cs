using InvestmentPlatform.Data.Series;
using InvestmentPlatform.Quality.Checks;
using InvestmentPlatform.Quality.Running;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Quality;

public static class QualityExtensions
{
    /// <summary>Registers the data-quality module: the checks' options (<c>Quality__*</c>), the series reader and the runner.</summary>
    public static IHostApplicationBuilder AddQuality(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<QualityOptions>().BindConfiguration("Quality");
        builder.Services.TryAddSingleton<LoadedRanges>();
        builder.Services.AddScoped<QualitySeriesReader>();
        builder.Services.AddScoped<SeriesQualityRunner>();
        return builder;
    }

    /// <summary>Registers the data-quality module's bus consumer: the checks that follow each committed load.</summary>
    public static IBusRegistrationConfigurator AddQualityConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SeriesQualityConsumer, SeriesQualityConsumerDefinition>();
        return bus;
    }
}
