using System.Globalization;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InvestmentPlatform.Api.Http;

/// <summary>A request over its source's daily ceiling answers 429 with Retry-After (until midnight UTC), whichever endpoint stored it.</summary>
internal sealed class QuotaExceededExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (context.Response.HasStarted || exception is not QuotaExceededException quota)
            return false;

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(quota.Refusal.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Daily limit of the source reached",
                Detail = quota.Refusal.Message,
            },
        });
    }
}
