using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Csv;

/// <summary>
/// Imports a CSV file: generic OHLCV, Yahoo download or Stooq format, detected from the header. The file is an upload
/// (option "upload", set by the API) or, from the command line only, a file inside the import folder (option "file").
/// </summary>
public sealed class CsvCollector(ImportFiles files) : CollectorBase
{
    public const string Name = "csv";

    /// <summary>Rows one file may hold inside the requested range: what one chunk carries (30 messages of 5,000 rows).</summary>
    public const int MaxRows = 150_000;

    public override SourceDescriptor Descriptor { get; } = new(
        Name,
        "CSV file import",
        AssetTypes.All,
        BarIntervals.All,
        BarIntervals.All.ToDictionary(i => i, _ => (int?)null),
        BarIntervals.All.ToDictionary(i => i, _ => (int?)null),
        [
            new SourceParameter(ImportFiles.UploadOption, "Set by the API from the uploaded CSV file (POST /api/ingestion/requests/csv)"),
            new SourceParameter(ImportFiles.FileOption, "Command line only: a file inside the import folder (Imports__Directory)"),
            new SourceParameter("currency", "Currency of the prices, when known"),
        ],
        OneChunkPerSymbol: true);

    protected override async IAsyncEnumerable<RawBatch> CollectRawAsync(
        CollectorRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var stream = files.Open(Name, request.Options);
        using var records = await CsvRecords.OpenAsync(stream, files.Options.MaxLineLength, Name, ct);
        var header = await records.ReadAsync(ct);
        while (header is not null && CsvRecords.IsBlank(header))
            header = await records.ReadAsync(ct);
        if (header is null)
            throw new CollectorException(ErrorClass.BadPayload, Name, "the file is empty");

        var layout = CsvLayout.Detect(header, out var problem)
                     ?? throw new CollectorException(ErrorClass.BadPayload, Name, $"line {records.Line}: {problem}");

        var asset = new AssetDescription(
            request.Symbol,
            null,
            request.AssetType ?? AssetTypes.Stock,
            request.Options?.GetValueOrDefault("currency"),
            null,
            Name,
            new Dictionary<string, string> { ["format"] = layout.Format });

        // Files may run newest first and repeat dates: rows are sorted here so duplicates are reported with their lines.
        var rows = new List<(SeriesRow Row, int Line)>();
        var rejected = new List<RejectedRow>();
        while (await records.ReadAsync(ct) is { } fields)
        {
            var lineNumber = records.Line;
            // A file that grows while it is read is still read no further than the limit.
            if (stream.Position > files.Options.MaxFileBytes)
                throw new CollectorException(ErrorClass.BadPayload, Name, $"the file is larger than {files.Options.MaxFileBytes:N0} bytes (Imports__MaxFileBytes)");
            if (CsvRecords.IsBlank(fields))
                continue;
            if (rows.Count + rejected.Count >= MaxRows)
                throw new CollectorException(ErrorClass.BadPayload, Name, $"the file holds more than {MaxRows:N0} rows in the range; split it");
            var (row, rejection) = CsvRowReader.Read(layout, fields, lineNumber);
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
                rejected.Add(RejectedRow.Of(rows[i].Row,
                    $"duplicate timestamp {rows[i].Row.Time:O} (first on line {rows[i - 1].Line})", rows[i].Line));
            else
                unique.Add(rows[i].Row);
        }
        rejected.Sort((a, b) => (a.Line ?? 0).CompareTo(b.Line ?? 0));
        if (unique.Count == 0 && rejected.Count > 0)
            yield return new RawBatch(asset, [], rejected);
        for (var start = 0; start < unique.Count; start += DataCollected.MaxRows)
            yield return new RawBatch(asset, unique.GetRange(start, Math.Min(DataCollected.MaxRows, unique.Count - start)), start == 0 ? rejected : null);
    }
}
