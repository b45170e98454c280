using InvestmentPlatform.Messaging.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InvestmentPlatform.Api.Http;

/// <summary>
/// While the database or broker is away a call answers 503 with Retry-After, so that a client can tell "later" from
/// "broken"; the outage itself is a dependency's, not the request's.
/// </summary>
internal sealed class UnavailableExceptionHandler(IProblemDetailsService problems, OutageLog outage) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (context.Response.HasStarted || !outage.Report(exception))
            return false;

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily unavailable",
                Detail = $"A platform dependency (database or message broker) is unavailable; try again in {RetryAfterSeconds} s.",
            },
        });
    }
}
