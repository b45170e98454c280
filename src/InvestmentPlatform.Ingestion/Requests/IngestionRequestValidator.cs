using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Sources.Csv;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>Checks a submission against the registered sources and the request limits; shared by the API and the CLI.</summary>
public sealed class IngestionRequestValidator(ICollectorRegistry registry, RequestLimits limits, TimeProvider clock)
{
    public IReadOnlyList<SubmissionError> Validate(IngestionSubmission s)
    {
        var errors = new List<SubmissionError>();
        ICollector? collector = null;
        if (string.IsNullOrWhiteSpace(s.Source))
            errors.Add(new("source", "source is required."));
        else if (!registry.TryGet(s.Source, out collector))
            errors.Add(new("source", $"Unknown source '{s.Source}'. Known: {string.Join(", ", registry.Sources.Select(d => d.Name))}."));

        errors.AddRange(limits.CheckSymbols(s.Symbols));

        if (s.AssetType is not null && !AssetTypes.IsKnown(s.AssetType))
            errors.Add(new("assetType", $"Unknown asset type '{s.AssetType}'. Known: {string.Join(", ", AssetTypes.All)}."));
        if (string.IsNullOrWhiteSpace(s.Interval))
            errors.Add(new("interval", "interval is required."));
        else if (!BarIntervals.IsKnown(s.Interval))
            errors.Add(new("interval", $"Unknown interval '{s.Interval}'. Known: {string.Join(", ", BarIntervals.All)}."));
        if (s.From is null)
            errors.Add(new("from", "from is required."));
        if (s.To is null)
            errors.Add(new("to", "to is required."));
        errors.AddRange(limits.CheckRange(s.From, s.To));
        if (s.Mode is not null and not (IngestionModes.Batch or IngestionModes.Incremental))
            errors.Add(new("mode", "mode must be batch or incremental."));

        if (errors.Count > 0 || collector is null)
            return errors;

        var d = collector.Descriptor;
        errors.AddRange(SourceOptions.Check(d, s.Options, s.Door));
        if (errors.Count > 0)
            return errors;
        if (d.Name == CsvCollector.Name && s.Door == SubmissionDoor.Api)
        {
            errors.Add(new("source", "CSV data arrives as an upload: POST /api/ingestion/requests/csv with a text/csv or multipart/form-data body."));
            return errors;
        }

        if (s.AssetType is not null && d.AssetTypes.Count > 0 && !d.AssetTypes.Contains(s.AssetType))
            errors.Add(new("assetType", $"Source '{d.Name}' does not serve {s.AssetType}; it serves {string.Join(", ", d.AssetTypes)}.", true));
        if (!d.Supports(s.Interval!))
            errors.Add(new("interval", $"Source '{d.Name}' does not serve interval {s.Interval}; it serves {string.Join(", ", d.Intervals)}.", true));
        else
        {
            var from = s.From!.Value;
            var to = s.To!.Value;
            if (d.HistoryLimitDays.TryGetValue(s.Interval!, out var limit) && limit is { } days &&
                from < clock.GetUtcNow().UtcDateTime.AddDays(-days))
                errors.Add(new("from", $"Source '{d.Name}' serves {s.Interval} bars for the last {days} days only.", true));
            errors.AddRange(limits.CheckSize(d, s.Interval!, s.Symbols!.Distinct(StringComparer.OrdinalIgnoreCase).Count(), from, to));
        }
        return errors;
    }
}
