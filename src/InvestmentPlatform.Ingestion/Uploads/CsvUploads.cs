using InvestmentPlatform.Collectors.Imports;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Ingestion.Uploads;

/// <summary>
/// Keeps uploaded CSV files under the upload folder, named by a random id, until their request finishes. The body is
/// streamed to disk and checked on the way: no more than Imports:MaxFileBytes and no line longer than Imports:MaxLineLength.
/// </summary>
public sealed class CsvUploads(ImportFiles files, ILogger<CsvUploads> logger)
{
    public async Task<CsvUpload> SaveAsync(Stream body, CancellationToken ct)
    {
        var limits = files.Options;
        Directory.CreateDirectory(files.UploadDirectory);
        var id = Guid.NewGuid();
        var path = files.UploadPath(id);
        var part = path + ".part";
        var buffer = new byte[64 * 1024];
        long total = 0, lineLength = 0, line = 1;
        CsvUpload? refused = null;
        try
        {
            await using (var file = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                int read;
                while (refused is null && (read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > limits.MaxFileBytes)
                    {
                        refused = CsvUpload.Refused(CsvUploadRefusal.TooLarge, $"The file is larger than {limits.MaxFileBytes:N0} bytes.");
                        break;
                    }
                    for (var i = 0; i < read; i++)
                    {
                        var b = buffer[i];
                        if (b == (byte)'\n')
                        {
                            line++;
                            lineLength = 0;
                        }
                        // Characters, not bytes: UTF-8 continuation bytes and the CR of a CRLF do not count.
                        else if ((b & 0xC0) != 0x80 && b != (byte)'\r' && ++lineLength > limits.MaxLineLength)
                        {
                            refused = CsvUpload.Refused(CsvUploadRefusal.LineTooLong, $"Line {line} is longer than {limits.MaxLineLength:N0} characters.");
                            break;
                        }
                    }
                    if (refused is null)
                        await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (refused is null && total == 0)
                refused = CsvUpload.Refused(CsvUploadRefusal.Empty, "The file is empty.");
            if (refused is not null)
            {
                File.Delete(part);
                return refused;
            }
            File.Move(part, path);
            return CsvUpload.Stored(id);
        }
        catch
        {
            File.Delete(part);
            throw;
        }
    }

    /// <summary>Removes a stored upload; its request no longer needs it.</summary>
    public void Delete(Guid id)
    {
        try
        {
            File.Delete(files.UploadPath(id));
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Upload {UploadId} could not be removed", id);
        }
    }

    /// <summary>The upload a request's options name, if any.</summary>
    public static Guid? IdOf(IReadOnlyDictionary<string, string>? options) =>
        options?.GetValueOrDefault(ImportFiles.UploadOption) is { } text && Guid.TryParseExact(text, "N", out var id) ? id : null;
}
