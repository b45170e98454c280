using InvestmentPlatform.Api.Access;
using InvestmentPlatform.Api.Http;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Collectors.Sources.Csv;
using InvestmentPlatform.Ingestion.Requests;
using InvestmentPlatform.Ingestion.Uploads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using static InvestmentPlatform.Api.Apis.IngestionApi;

namespace InvestmentPlatform.Api.Apis;

/// <summary>POST /api/ingestion/requests/csv: a CSV import whose file comes in the request body, never from a server path.</summary>
internal static class CsvUploadApi
{
    public static async Task<Results<Accepted<IngestionRequestAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpRequest http, IngestionRequestValidator validator, IngestionRequestWriter writer, CsvUploads uploads, ImportFiles files,
        TimeProvider clock, CancellationToken ct, string? symbol = null, string? assetType = null, string? interval = null,
        DateTime? from = null, DateTime? to = null, string? mode = null, string? currency = null)
    {
        var body = await OpenBodyAsync(http, files.Options.MaxFileBytes, ct);
        if (body.Problem is { } unsupported)
            return unsupported;

        var options = new Dictionary<string, string> { [ImportFiles.UploadOption] = Guid.Empty.ToString("N") };
        if (!string.IsNullOrWhiteSpace(currency))
            options["currency"] = currency.Trim();
        // A file usually covers all its history, so an open range means the whole file.
        var submission = new IngestionSubmission(CsvCollector.Name, symbol is null ? null : [symbol], assetType, interval ?? "1d",
            from ?? DateLimits.Earliest, to ?? clock.GetUtcNow().UtcDateTime.Date.AddDays(1), mode, options, RequestedBy: http.HttpContext.User.UserIdOf(), Door: SubmissionDoor.Upload);
        if (symbol?.Contains(',') == true)
            return ApiProblems.BadRequest("symbol", "One CSV file imports one symbol.");
        if (Refusal(validator.Validate(submission)) is { } refused)
            return refused;

        var upload = await uploads.SaveAsync(body.Stream!, ct);
        if (upload.Id is not { } id)
            return Refused(upload);
        options[ImportFiles.UploadOption] = id.ToString("N");
        try
        {
            return Accepted(await writer.SubmitAsync(submission with { Options = options }, ct));
        }
        catch
        {
            uploads.Delete(id);
            throw;
        }
    }

    /// <summary>Why a stored upload was refused, as the answer to its caller.</summary>
    internal static ProblemHttpResult Refused(CsvUpload upload) => upload.Refusal switch
    {
        CsvUploadRefusal.TooLarge => ApiProblems.PayloadTooLarge(upload.Problem!),
        CsvUploadRefusal.LineTooLong => ApiProblems.Unprocessable("file", upload.Problem!),
        _ => ApiProblems.BadRequest("file", upload.Problem!),
    };

    internal sealed record Body(Stream? Stream, ProblemHttpResult? Problem, string? FileName = null);

    /// <summary>The CSV bytes: the whole body for text/csv, the first file part for multipart/form-data.</summary>
    internal static async Task<Body> OpenBodyAsync(HttpRequest http, long maxFileBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var type))
            return new(null, ApiProblems.UnsupportedMediaType("Send the CSV file as text/csv or multipart/form-data."));

        // The API's usual body limit is for JSON; a CSV file may be as large as Imports:MaxFileBytes (multipart framing aside).
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxFileBytes + 64 * 1024;

        if (type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            return new(http.Body, null);
        if (!type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return new(null, ApiProblems.UnsupportedMediaType($"'{Shorten(type.MediaType.Value)}' is not accepted: send text/csv or multipart/form-data."));

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
            return new(null, ApiProblems.BadRequest("file", "The multipart body has no valid boundary."));
        var reader = new MultipartReader(boundary, http.Body) { HeadersLengthLimit = 16 * 1024 };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) &&
                disposition.IsFileDisposition())
                return new(section.Body, null, Shorten(Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileName).Value)));
        }
        return new(null, ApiProblems.BadRequest("file", "The multipart body has no file part."));
    }

    internal static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
