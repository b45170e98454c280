using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Api.Access;

/// <summary>Fixed-window limits (RateLimits:*): per key or user, per IP for anonymous calls, and tighter per IP for sign-in.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PermitsPerUser { get; set; } = 1200;
    public int PermitsPerAnonymousIp { get; set; } = 120;
    public int SignInPermitsPerIp { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimits
{
    /// <summary>The policy on the anonymous token endpoints (login, refresh, setup).</summary>
    public const string SignIn = "sign-in";

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Liveness probes and the dashboard's own files are never refused.
                if (context.Request.Path.StartsWithSegments("/api/health"))
                    return RateLimitPartition.GetNoLimiter("health");
                var user = context.User;
                var (partition, permits) = user.Identity?.IsAuthenticated == true
                    ? (user.KeyIdOf() is { } key ? $"key:{key}" : $"user:{user.UserIdOf()}", limits.PermitsPerUser)
                    : ($"ip:{ClientAddress(context)}", limits.PermitsPerAnonymousIp);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => Window(permits, limits.Window));
            });
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                $"sign-in:{ClientAddress(context)}", _ => Window(limits.SignInPermitsPerIp, limits.Window)));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : (int)Math.Ceiling(limits.Window.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"The rate limit was reached; retry after {seconds} s.",
                    },
                });
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
