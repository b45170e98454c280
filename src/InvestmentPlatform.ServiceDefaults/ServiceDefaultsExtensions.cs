using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using InvestmentPlatform.ServiceDefaults.Correlation;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Formatting.Compact;

namespace InvestmentPlatform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks with this tag decide /api/health/ready: the dependencies without which the process cannot work.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Serilog, OpenTelemetry (traces, metrics, Prometheus, OTLP when configured) and the liveness check.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
                // EF Core logs every failed command and query as an Error, and its caller reports the same exception again:
                // hundreds of lines a minute while the database is away. The callers' reports are the ones kept.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Connection", Serilog.Events.LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", Serilog.Events.LogEventLevel.Fatal)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Query", Serilog.Events.LogEventLevel.Fatal)
                .MinimumLevel.Override("Quartz", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("MassTransit", Serilog.Events.LogEventLevel.Warning)
                // It logs a client's refused hub call at Error; the API's hub filter logs the hub's own failures instead.
                .MinimumLevel.Override("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", Serilog.Events.LogEventLevel.Fatal)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Service", serviceName);
            // Modules add their own, such as the outage filter that keeps a database or broker outage to a line a minute.
            foreach (var filter in services.GetServices<Serilog.Core.ILogEventFilter>())
                logger.Filter.With(filter);
            // People read the console; log collectors read JSON.
            if (Console.IsOutputRedirected || builder.Configuration.GetValue<bool>("Logging:Json"))
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        });

        var otlpEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PlatformTelemetry.Name, "MassTransit")
                    .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                    tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformTelemetry.Name, "MassTransit")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlpEndpoint))
                    metrics.AddOtlpExporter();
            });

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        return builder;
    }

    /// <summary>
    /// Correlation ids and request logs, then the anonymous /api/health (all checks), /api/health/live (the process
    /// itself) and /api/health/ready (503 while a check tagged ready is degraded or unhealthy), and /metrics under
    /// <paramref name="metricsPolicy"/>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, string metricsPolicy)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging(o => o.GetLevel = (ctx, _, ex) =>
            // A 503 is a dependency's outage, which OutageLog reports once rather than per request.
            ctx.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? Serilog.Events.LogEventLevel.Debug
            : ex is not null || ctx.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
            : ctx.Request.Path.StartsWithSegments("/metrics") || ctx.Request.Path.StartsWithSegments("/api/health") ? Serilog.Events.LogEventLevel.Verbose
            : Serilog.Events.LogEventLevel.Information);
        app.MapHealthChecks("/api/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithTags("Health").AllowAnonymous();
        app.MapHealthChecks("/api/health/live", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("live"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        // A probe keeps a process in rotation on any 2xx: a degraded dependency (a broker connection lost) means not ready.
        app.MapHealthChecks("/api/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(metricsPolicy);
        return app;
    }
}
