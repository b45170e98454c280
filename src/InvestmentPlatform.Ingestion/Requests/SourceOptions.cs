using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Collectors.Sources.Csv;

namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>
/// Checks a request's or a job's source options against the parameters the source declares, and against the door
/// they came through: only the command line names a server file, only the upload endpoint and scheduled jobs name an
/// upload, and a scheduled CSV job must name one, as it has no other way to get its file.
/// </summary>
public static class SourceOptions
{
    public const int MaxValueLength = 200;

    /// <summary>The problems, door problems alone when there are any (they say more than the rest).</summary>
    public static IReadOnlyList<SubmissionError> Check(SourceDescriptor source, IReadOnlyDictionary<string, string>? options, SubmissionDoor door)
    {
        options ??= new Dictionary<string, string>();
        var errors = new List<SubmissionError>();
        if (options.ContainsKey(ImportFiles.FileOption) && door != SubmissionDoor.CommandLine)
            errors.Add(new($"options.{ImportFiles.FileOption}", "Server files are read only from the command line; upload the CSV to POST /api/ingestion/requests/csv."));
        if (options.ContainsKey(ImportFiles.UploadOption) && door is not (SubmissionDoor.Upload or SubmissionDoor.Scheduler))
            errors.Add(new($"options.{ImportFiles.UploadOption}", "An upload is named only by POST /api/ingestion/requests/csv and by scheduled jobs."));
        if (door == SubmissionDoor.Scheduler && options.GetValueOrDefault(ImportFiles.UploadOption) is { } upload && !Guid.TryParseExact(upload, "N", out _))
            errors.Add(new($"options.{ImportFiles.UploadOption}", "upload must be the id of a kept upload (32 hex digits), as POST /api/ingestion/uploads answers."));
        if (errors.Count > 0)
            return errors;

        foreach (var (name, value) in options)
        {
            if (source.Parameters.All(p => p.Name != name))
                errors.Add(new($"options.{name}", source.Parameters.Count == 0
                    ? $"Source '{source.Name}' takes no options."
                    : $"Source '{source.Name}' has no option '{name}': it takes {string.Join(", ", source.Parameters.Select(p => p.Name))}.", true));
            else if (string.IsNullOrWhiteSpace(value) || value.Length > MaxValueLength)
                errors.Add(new($"options.{name}", $"Option '{name}' must be 1 to {MaxValueLength} characters."));
        }
        foreach (var p in source.Parameters.Where(p => p.Required && !options.ContainsKey(p.Name)))
            errors.Add(new($"options.{p.Name}", $"Source '{source.Name}' needs option '{p.Name}': {p.Description}", true));
        if (door == SubmissionDoor.Scheduler && source.Name == CsvCollector.Name && !options.ContainsKey(ImportFiles.UploadOption))
            errors.Add(new($"options.{ImportFiles.UploadOption}",
                "A CSV job imports a kept upload: send the file to POST /api/ingestion/uploads and give its id as option 'upload'.", true));
        return errors;
    }
}
