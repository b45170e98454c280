using InvestmentPlatform.Data.Assets;
using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Csv;

/// <summary>Imports a CSV file: generic OHLCV, Yahoo download or Stooq format, detected from the header.</summary>
public sealed class CsvCollector : CollectorBase
{
    public const string Name = "csv";
    private const int BatchSize = 5_000;

    public override SourceDescriptor Descriptor { get; } = new(
        Name,
        "CSV file import",
        AssetTypes.All,
        BarIntervals.All,
        BarIntervals.All.ToDictionary(i => i, _ => (int?)null),
        BarIntervals.All.ToDictionary(i => i, _ => (int?)null),
        [
            new SourceParameter("file", "Path of the CSV file (generic OHLCV with a time/date column, Yahoo download or Stooq format)", Required: true),
            new SourceParameter("currency", "Currency of the prices, when known"),
        ]);

    protected override async IAsyncEnumerable<RawBatch> CollectRawAsync(
        CollectorRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var path = request.Options!["file"];
        if (!File.Exists(path))
            throw new CollectorException(ErrorClass.NotFound, Name, $"file '{path}' does not exist");

        using var reader = new StreamReader(path);
        var header = await reader.ReadLineAsync(ct);
        while (header is not null && string.IsNullOrWhiteSpace(header))
            header = await reader.ReadLineAsync(ct);
        if (header is null)
            throw new CollectorException(ErrorClass.BadPayload, Name, $"file '{path}' is empty");

        var separator = CsvFields.DetectSeparator(header);
        var layout = CsvLayout.Detect(CsvFields.Split(header.TrimStart('\uFEFF'), separator), out var problem)
                     ?? throw new CollectorException(ErrorClass.BadPayload, Name, $"line 1: {problem}");

        var asset = new AssetDescription(
            request.Symbol,
            null,
            request.AssetType ?? AssetTypes.Stock,
            request.Options.GetValueOrDefault("currency"),
            null,
            Name,
            new Dictionary<string, string> { ["file"] = Path.GetFileName(path), ["format"] = layout.Format });

        // Files may run newest first and repeat dates: rows are sorted here so duplicates are reported with their lines.
        var rows = new List<(SeriesRow Row, int Line)>();
        var rejected = new List<RejectedRow>();
        var lineNumber = 1;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var (row, rejection) = CsvRowReader.Read(layout, CsvFields.Split(line, separator), lineNumber);
            if (rejection is not null)
            {
                // A file usually covers more than the requested range; rows outside it are skipped, not errors.
                if (rejection.Time is not { } t || (t >= request.From && t < request.To))
                    rejected.Add(rejection);
            }
            else if (row!.Time >= request.From && row.Time < request.To)
            {
                rows.Add((row, lineNumber));
            }
        }

        rows.Sort((a, b) => a.Row.Time != b.Row.Time ? a.Row.Time.CompareTo(b.Row.Time) : a.Line.CompareTo(b.Line));
        var unique = new List<SeriesRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && rows[i].Row.Time == rows[i - 1].Row.Time)
                rejected.Add(new RejectedRow(rows[i].Row.Time, rows[i].Line,
                    $"duplicate timestamp {rows[i].Row.Time:O} (first on line {rows[i - 1].Line})"));
            else
                unique.Add(rows[i].Row);
        }
        rejected.Sort((a, b) => (a.Line ?? 0).CompareTo(b.Line ?? 0));
        if (unique.Count == 0 && rejected.Count > 0)
            yield return new RawBatch(asset, [], rejected);
        for (var start = 0; start < unique.Count; start += BatchSize)
            yield return new RawBatch(asset, unique.GetRange(start, Math.Min(BatchSize, unique.Count - start)), start == 0 ? rejected : null);
    }
}
