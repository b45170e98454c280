using InvestmentPlatform.Alerts;
using InvestmentPlatform.Analytics;
using InvestmentPlatform.Api;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Collectors;
using InvestmentPlatform.Data;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Messaging;
using InvestmentPlatform.Reports;
using InvestmentPlatform.Quality;
using InvestmentPlatform.Scheduler;
using InvestmentPlatform.ServiceDefaults;
using InvestmentPlatform.ServiceDefaults.Correlation;
using InvestmentPlatform.Trading;

namespace InvestmentPlatform.Host;

public static class PlatformHostExtensions
{
    public const string DefaultUrl = "http://localhost:8080";

    /// <summary>Composes the modules this process's roles need.</summary>
    public static PlatformRoles AddPlatform(this WebApplicationBuilder builder)
    {
        var roles = PlatformRoles.Parse(builder.Configuration["Platform:Roles"]);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);

        builder.AddServiceDefaults($"investment-platform-{(roles is { Api: true, Scheduler: true, Worker: true } ? "host" : roles.ToString())}");
        builder.AddPlatformData();
        builder.AddCollectors();
        builder.AddIngestion();
        builder.AddAnalytics();
        builder.AddReports();
        builder.AddQuality();
        builder.AddScheduler();
        builder.AddAlerts();
        builder.AddTrading();
        if (roles.Worker)
            builder.AddTradingRuntime();
        if (roles.Scheduler)
        {
            builder.AddSchedulerRuntime();
            builder.AddAlertChecks();
        }

        builder.AddPlatformMessaging<PlatformDbContext>(bus =>
        {
            bus.AddCorrelationFilters();
            if (roles.Worker)
            {
                bus.AddIngestionConsumers();
                bus.AddAnalyticsConsumers();
                bus.AddAlertsConsumers();
                bus.AddTradingConsumers();
                bus.AddQualityConsumers();
            }
            if (roles.Scheduler)
                bus.AddSchedulerConsumers();
            if (roles.Api)
                bus.AddApiConsumers();
        });

        builder.AddPlatformAccess();
        if (roles.Api)
            builder.AddPlatformApi();
        builder.AddRoleReadiness(roles);
        builder.Services.AddSingleton(roles);
        return roles;
    }

    /// <summary>
    /// Health and metrics in every role; the REST API, hub and dashboard in the api role. Everything mapped after
    /// <see cref="AccessExtensions.UsePlatformAccess"/> needs a credential unless it says otherwise.
    /// </summary>
    public static WebApplication UsePlatform(this WebApplication app, PlatformRoles roles)
    {
        app.MapDefaultEndpoints(AccessPolicies.Metrics);
        if (roles.Api)
            app.UsePlatformApi();
        app.UsePlatformAccess();
        if (roles.Api)
        {
            app.MapPlatformApi();
            // Client-side routes of the dashboard resolve to its index page; unknown /api paths stay 404.
            app.MapFallback("/api/{**path}", 
                (HttpContext context, EndpointDataSource endpoints, IInlineConstraintResolver constraints) => ApiFallback.Answer(context, endpoints, constraints));
            app.MapFallbackToFile("index.html").AllowAnonymous();
        }
        return app;
    }
}
