using InvestmentPlatform.Analytics.Compute;
using InvestmentPlatform.Analytics.Currencies;
using InvestmentPlatform.Analytics.Portfolio;
using InvestmentPlatform.Analytics.Series;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>Registers the Analytics module's services: series reading, metrics, stored computations, portfolios.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddCurrencies();
        builder.Services.AddScoped<SeriesReader>();
        builder.Services.AddScoped<AnalyticsService>();
        builder.Services.AddScoped<AnalyticsJobs>();
        builder.Services.AddScoped<PortfolioService>();
        builder.Services.AddScoped<TransactionService>();
        builder.Services.AddScoped<HoldingsService>();
        builder.Services.AddScoped<PortfolioAnalyticsService>();
        return builder;
    }

    /// <summary>Registers the Analytics module's bus consumers: the computation job runner.</summary>
    public static IBusRegistrationConfigurator AddAnalyticsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<AnalyticsComputeConsumer>();
        return bus;
    }
}
