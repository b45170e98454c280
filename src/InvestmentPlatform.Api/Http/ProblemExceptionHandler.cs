using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InvestmentPlatform.Api.Http;

/// <summary>Turns malformed request bodies into 400 ProblemDetails rather than 500s.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException } => (400, "Malformed JSON body"),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request"),
            JsonException => (400, "Malformed JSON body"),
            _ => (0, ""),
        };
        if (status == 0)
            return false;

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = title,
                Detail = exception.InnerException?.Message ?? exception.Message,
            },
        });
    }
}
