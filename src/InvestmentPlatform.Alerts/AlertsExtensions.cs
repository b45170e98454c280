using InvestmentPlatform.Alerts.Evaluation;
using InvestmentPlatform.Alerts.Notifications;
using InvestmentPlatform.Alerts.Rules;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Alerts;

public static class AlertsExtensions
{
    /// <summary>Registers the Alerts module's services: rules, evaluation, the inbox.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AlertRuleService>();
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<FiringRecorder>();
        builder.Services.AddScoped<SeriesHistory>();
        return builder;
    }

    /// <summary>Registers the Alerts module's bus consumers (worker role): rule evaluation on new bars.</summary>
    public static IBusRegistrationConfigurator AddAlertsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SeriesUpdatedConsumer>();
        return bus;
    }
}
