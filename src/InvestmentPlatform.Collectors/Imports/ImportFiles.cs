using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Collectors.Imports;

/// <summary>
/// Opens CSV input: an upload by its id, or (command line only) a file inside the import folder. Only regular files
/// whose real path lies inside their folder are opened; everything else gets <see cref="ImportFileRefused"/>.
/// </summary>
public sealed class ImportFiles(IOptions<ImportOptions> options)
{
    /// <summary>Option naming a stored upload by id.</summary>
    public const string UploadOption = "upload";

    /// <summary>Option naming a file inside the import folder (command line only).</summary>
    public const string FileOption = "file";

    public ImportOptions Options => options.Value;

    public string UploadDirectory => options.Value.UploadDirectory ?? throw new InvalidOperationException("Imports:UploadDirectory is not set");

    public string UploadPath(Guid id) => Path.Combine(UploadDirectory, $"{id:N}.csv");

    /// <summary>Opens the input the options name; the stream is positioned at the start and within the size limit.</summary>
    public FileStream Open(string source, IReadOnlyDictionary<string, string>? requestOptions)
    {
        string folder, path;
        if (requestOptions?.GetValueOrDefault(UploadOption) is { } upload)
        {
            if (!Guid.TryParseExact(upload, "N", out var id))
                throw ImportFileRefused.For(source);
            folder = UploadDirectory;
            path = UploadPath(id);
        }
        else if (requestOptions?.GetValueOrDefault(FileOption) is { Length: > 0 } file && options.Value.Directory is { Length: > 0 } directory)
        {
            folder = Path.GetFullPath(directory);
            path = Path.GetFullPath(file, folder);
        }
        else if (requestOptions?.ContainsKey(FileOption) != true)
        {
            throw new CollectorException(ErrorClass.BadRequest, source, $"option '{UploadOption}' (an upload) or '{FileOption}' (command line) is required");
        }
        else
        {
            throw ImportFileRefused.For(source);
        }

        var stream = RegularFile.OpenInside(folder, path) ?? throw ImportFileRefused.For(source);
        if (stream.Length > options.Value.MaxFileBytes)
        {
            stream.Dispose();
            throw new CollectorException(ErrorClass.BadPayload, source, $"the file is larger than {options.Value.MaxFileBytes:N0} bytes (Imports__MaxFileBytes)");
        }
        return stream;
    }
}
