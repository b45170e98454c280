using Parquet;
using Parquet.Schema;

namespace InvestmentPlatform.Reports.Exports;

/// <summary>
/// Bars as a Parquet file: one row group per block; time as a UTC-adjusted microsecond timestamp, prices and volume as
/// nullable doubles, the symbol as a string column in multi-symbol files. What the file holds (symbol, interval,
/// adjustment, source, synthetic) goes into its key-value metadata.
/// </summary>
public sealed class ParquetBarWriter : IBarFileWriter
{
    public const string ContentType = "application/vnd.apache.parquet";

    private readonly Stream _destination;
    private readonly SpoolStream _spool = new();
    private readonly bool _withSymbol;
    private readonly DataField<string> _symbol = new("symbol", false);
    private readonly DateTimeDataField _time = new("time", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false);
    private readonly Dictionary<string, DataField<double?>> _prices;
    private ParquetWriter _writer = null!;

    private ParquetBarWriter(Stream destination, bool withSymbol)
    {
        _destination = destination;
        _withSymbol = withSymbol;
        _prices = new BarBatch(0).Prices.ToDictionary(p => p.Name, p => new DataField<double?>(p.Name, true));
    }

    public static async Task<ParquetBarWriter> CreateAsync(
        Stream destination, bool withSymbol, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var file = new ParquetBarWriter(destination, withSymbol);
        var fields = new List<Field>();
        if (withSymbol)
            fields.Add(file._symbol);
        fields.Add(file._time);
        fields.AddRange(file._prices.Values);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        file._writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file._spool, options, cancellationToken: ct);
        file._writer.CustomMetadata = metadata.ToDictionary();
        return file;
    }

    public async Task WriteAsync(BarBatch batch, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        using (var group = _writer.CreateRowGroup())
        {
            if (_withSymbol)
                await group.WriteAsync(_symbol, batch.Symbols.Take(batch.Count).ToArray());
            await group.WriteAsync<DateTime>(_time, batch.Times.AsMemory(0, batch.Count), cancellationToken: ct);
            foreach (var (name, values) in batch.Prices)
                await group.WriteAsync<double>(_prices[name], new ReadOnlyMemory<double?>(values, 0, batch.Count), cancellationToken: ct);
        }
        await _spool.DrainToAsync(_destination, ct);
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        await _writer.DisposeAsync(); // writes the footer
        await _spool.DrainToAsync(_destination, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _spool.DisposeAsync();
    }
}
