using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InvestmentPlatform.Api.Access;

/// <summary>Headers on every response: no MIME sniffing, no framing, no referrer, and a CSP that fits the dashboard and Swagger UI.</summary>
public static class SecurityHeaders
{
    // Inline styles: Swagger UI and the chart library set style attributes. Images: Swagger UI's data: icons.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        await next(context);
    });
}
