using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Serilog.Context;

namespace InvestmentPlatform.ServiceDefaults.Correlation;

/// <summary>
/// Takes the caller's X-Correlation-Id (a GUID) or makes one, echoes it on the response and puts it on every log line
/// and the trace. Messages published while handling the request carry it on.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var id = Guid.TryParse(context.Request.Headers[CorrelationId.HeaderName], out var given) ? given : Guid.NewGuid();
        CorrelationId.Current = id;
        context.Response.Headers[CorrelationId.HeaderName] = id.ToString();
        Activity.Current?.SetTag("correlation.id", id.ToString());
        using (LogContext.PushProperty(CorrelationId.LogProperty, id))
            await next(context);
    }
}
