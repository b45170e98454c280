using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Api.Access;

/// <summary>One audit_log row per successful change made with a credential: who, with which key, what and when.
/// A change that failed (any status but 2xx) leaves no row.</summary>
public static class AuditTrail
{
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (AccessPolicies.IsChange(context.Request.Method) && context.Request.Path.StartsWithSegments("/api"))
            // Written before the answer leaves, so a caller that sees success can already find the row.
            context.Response.OnStarting(() => RecordAsync(context));
        await next(context);
    });

    private static async Task RecordAsync(HttpContext context)
    {
        if (context.Response.StatusCode is < 200 or >= 300 || context.User.Identity?.IsAuthenticated != true)
            return;
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.AuditLog.Add(new AuditEntry
        {
            Time = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            UserId = context.User.UserIdOf(),
            UserName = context.User.Identity.Name,
            ApiKeyId = context.User.KeyIdOf(),
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "",
            Status = context.Response.StatusCode,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
