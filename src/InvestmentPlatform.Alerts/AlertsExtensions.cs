using InvestmentPlatform.Alerts.Channels;
using InvestmentPlatform.Alerts.Delivery;
using InvestmentPlatform.Alerts.Evaluation;
using InvestmentPlatform.Alerts.Notifications;
using InvestmentPlatform.Alerts.Rules;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace InvestmentPlatform.Alerts;

public static class AlertsExtensions
{
    /// <summary>Registers the Alerts module's services: rules, evaluation, the inbox.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AlertRuleService>();
        builder.Services.AddScoped<NotificationChannelService>();
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<FiringRecorder>();
        builder.Services.AddScoped<SeriesHistory>();
        builder.Services.AddScoped<IAlertCheck, StaleRuleCheck>();
        builder.Services.AddScoped<IAlertCheck, PortfolioRuleCheck>();
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section);
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddHttpClient<WebhookSender>((sp, http) =>
                http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.WebhookTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.CreateHandler(sp.GetRequiredService<IOptions<DeliveryOptions>>()));
        return builder;
    }

    /// <summary>
    /// The scheduler role's periodic alert checks on its Quartz (<see cref="AlertChecksJob"/>), every
    /// <see cref="AlertsOptions.CheckSeconds"/>. Call after AddSchedulerRuntime, which sets Quartz up.
    /// </summary>
    public static IHostApplicationBuilder AddAlertChecks(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AlertsOptions.Section).Get<AlertsOptions>() ?? new AlertsOptions();
        var every = TimeSpan.FromSeconds(Math.Max(10, options.CheckSeconds));
        // The first check comes one interval after start, as every later one: a node that restarts often checks no more often.
        builder.Services.AddQuartz(q => q.ScheduleJob<AlertChecksJob>(
            trigger => trigger.WithIdentity(AlertChecksJob.Key.Name, AlertChecksJob.Key.Group).StartAt(DateTimeOffset.UtcNow + every)
                .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(AlertChecksJob.Key)));
        return builder;
    }

    /// <summary>Registers the Alerts module's bus consumers (worker role): rule evaluation on new bars and on scheduler runs, webhook and email delivery of firings and finished reports.</summary>
    public static IBusRegistrationConfigurator AddAlertsConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SeriesAlertsConsumer>();
        bus.AddConsumer<JobRunConsumer>();
        bus.AddConsumer<WebhookConsumer, DeliveryConsumerDefinition<WebhookConsumer>>();
        bus.AddConsumer<EmailConsumer, DeliveryConsumerDefinition<EmailConsumer>>();
        bus.AddConsumer<ReportWebhookConsumer, DeliveryConsumerDefinition<ReportWebhookConsumer>>();
        bus.AddConsumer<ReportEmailConsumer, DeliveryConsumerDefinition<ReportEmailConsumer>>();
        return bus;
    }
}
