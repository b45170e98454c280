using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Api.Access;

/// <summary>
/// CORS does not cover WebSockets, so the hub checks Origin itself: a browser page may connect only from the
/// platform's own origin or one of Cors:Origins. Clients that send no Origin (scripts) are judged by their credential alone.
/// </summary>
public static class HubOriginCheck
{
    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app, PathString hubs, IReadOnlyCollection<string> allowedOrigins) =>
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (context.Request.Path.StartsWithSegments(hubs) && origin.Length > 0 && !IsAllowed(context.Request, origin, allowedOrigins))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Origin not allowed",
                        Detail = $"The hub does not accept connections from {origin}.",
                    },
                });
                return;
            }
            await next(context);
        });

    private static bool IsAllowed(HttpRequest request, string origin, IReadOnlyCollection<string> allowed) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
        || allowed.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
}
