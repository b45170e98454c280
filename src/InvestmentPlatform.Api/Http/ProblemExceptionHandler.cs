using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InvestmentPlatform.Api.Http;

/// <summary>
/// Turns malformed request bodies and parameters into 400 ProblemDetails rather than 500s. The detail names the
/// parameter or the JSON path, never a .NET type, and does not echo the value sent.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
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
                Detail = Describe(exception),
            },
        });
    }

    private static string Describe(Exception exception) => exception switch
    {
        JsonException { Path: { Length: > 0 } path } => $"The JSON body cannot be read at {path}.",
        JsonException => "The body is not valid JSON.",
        BadHttpRequestException { InnerException: JsonException json } => Describe(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => "The request body is too large.",
        BadHttpRequestException bad when Parameter().Match(bad.Message) is { Success: true } m => $"The value of '{m.Groups[1].Value}' cannot be read.",
        BadHttpRequestException { Message: var message } when message.StartsWith("Required parameter", StringComparison.Ordinal) =>
            "A required parameter or the body is missing.",
        BadHttpRequestException { Message: var message } when message.Contains("request body", StringComparison.OrdinalIgnoreCase) =>
            "The request body cannot be read.",
        _ => "The request cannot be read.",
    };

    // "Failed to bind parameter "Nullable<DateTime> from" from "abc"." names the parameter last before the closing quote.
    [GeneratedRegex("""parameter "(?:[^"]*\s)?([\w.]+)" from""")]
    private static partial Regex Parameter();
}
