using System.Text.Json.Serialization;
using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Apis;
using InvestmentPlatform.Api.Assets;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Api.Hubs;
using InvestmentPlatform.Api.MarketData;
using InvestmentPlatform.Api.OpenApi;
using InvestmentPlatform.Messaging.Outbox;
using InvestmentPlatform.Messaging.Resilience;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace InvestmentPlatform.Api;

public static class ApiExtensions
{
    /// <summary>Largest request body accepted (Api:MaxRequestBodyBytes); bigger requests get 413.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public const string BearerSchemeName = "Bearer";
    public const string ApiKeySchemeName = "ApiKey";

    /// <summary>ProblemDetails, JSON options, OpenAPI (Swagger UI at /docs), SignalR, CORS and request limits.</summary>
    public static IHostApplicationBuilder AddPlatformApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = UnreadableParameter.Describe);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<QuotaExceededExceptionHandler>();
        // Binding failures (bad JSON, "page=abc") become exceptions the handler turns into precise 400s.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        var maxBody = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBody);
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxBody);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SeriesConnections>();
        builder.Services.AddScoped<AssetCoverage>();
        builder.Services.AddScoped<Reports.DataCoverageReport>();
        builder.Services.AddScoped<Reports.SchedulerReport>();
        builder.Services.AddScoped<Reports.ReportBuilder>();
        builder.Services.AddScoped<Reports.ReportJobs>();
        builder.Services.AddOptions<Reports.ReportRetentionOptions>().BindConfiguration(Reports.ReportRetentionOptions.Section)
            .Validate(o => o.KeepDays >= 1, "Reports__KeepDays must be 1 or more");
        builder.Services.AddSingleton<Reports.ReportRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Reports.ReportRetention>());
        builder.Services.AddScoped<Quotes>();
        builder.Services.AddSingleton<TopicSubscriptions>();
        builder.Services.AddSingleton<AccountOwners>();
        builder.Services.AddOutboxCorrelation();
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new Analytics.ApiDoubleConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "InvestmentPlatform API",
                Version = "v1",
                Description = "Market data collection, storage, scheduling and analytics.",
            });
            o.SupportNonNullableReferenceTypes();
            o.OperationFilter<ApiExampleOperationFilter>();
            o.OperationFilter<AccessProblemsOperationFilter>();
            o.AddSecurityDefinition(BearerSchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /api/auth/login.",
            });
            o.AddSecurityDefinition(ApiKeySchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "An API key (also accepted as `Authorization: ApiKey <key>`).",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerSchemeName, document)] = [],
                [new OpenApiSecuritySchemeReference(ApiKeySchemeName, document)] = [],
            });
        });
        builder.Services.AddSignalR(o => o.AddFilter<HubErrorLog>());

        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (origins.Length > 0)
                p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
        }));
        return builder;
    }

    /// <summary>The API process's bus consumers: the notifier that bridges bus events to the hub, and the report builder.</summary>
    public static IBusRegistrationConfigurator AddApiConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<EventsNotifier, EventsNotifierDefinition>();
        bus.AddConsumer<Reports.ReportRequestedConsumer, OneAtATimeConsumerDefinition<Reports.ReportRequestedConsumer>>();
        return bus;
    }

    /// <summary>
    /// What runs before a credential is looked at: ProblemDetails for errors, security headers, CORS, the hub's Origin
    /// check, and the anonymous files: the dashboard and Swagger UI's page (its document needs a credential; the page
    /// borrows the dashboard's session to read it).
    /// </summary>
    public static WebApplication UsePlatformApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseCors();
        app.UseHubOriginCheck(AccessExtensions.HubPath, app.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? []);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/docs/v1/openapi.json", "InvestmentPlatform API v1");
            o.EnablePersistAuthorization();
            o.InjectJavascript("/docs-session.js");
        });
        return app;
    }

    /// <summary>Maps every REST area and the hub; each is covered by the fallback policy unless it says otherwise.</summary>
    public static WebApplication MapPlatformApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "docs/{documentName}/openapi.json");
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapApiKeysApi();
        app.MapAuditApi();

        app.MapAssetsApi();
        app.MapCollectorsApi();
        app.MapMarketDataApi();
        app.MapIngestionApi();
        app.MapRejectedRowsApi();
        app.MapIngestionErrorsApi();
        app.MapKeptUploadsApi();
        app.MapSchedulerApi();
        app.MapAnalyticsApi();
        app.MapPortfolioApi();
        app.MapAlertsApi();
        app.MapPaperTradingApi();
        app.MapReportsApi();
        app.MapQualityApi();
        app.MapHub<EventsHub>($"{AccessExtensions.HubPath}/events").RequireAuthorization(AccessPolicies.Read);
        return app;
    }
}
