using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// Marks each change made with a credential (a non-GET /api request) for the audit log. The row itself is written by
/// <see cref="AuditInterceptor"/> inside the change's own SaveChanges, so it commits or rolls back with the change.
/// </summary>
public static class AuditTrail
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>(sp => sp.GetRequiredService<AuditInterceptor>());
        return services;
    }

    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (AccessPolicies.IsChange(context.Request.Method) && context.Request.Path.StartsWithSegments("/api")
            && context.User.Identity?.IsAuthenticated == true)
            context.RequestServices.GetRequiredService<AuditInterceptor>().Expect(new AuditedChange(
                context.User.UserIdOf(), context.User.Identity.Name, context.User.KeyIdOf(),
                context.Request.Method, context.Request.Path.Value ?? ""));
        await next(context);
    });
}

/// <summary>Who asks for a change, and which.</summary>
public sealed record AuditedChange(string? UserId, string? UserName, Guid? ApiKeyId, string Method, string Path);
