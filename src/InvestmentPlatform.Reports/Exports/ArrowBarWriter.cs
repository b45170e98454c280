using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace InvestmentPlatform.Reports.Exports;

/// <summary>
/// Bars as an Arrow IPC stream: one record batch per block; time as timestamp[us, UTC], prices and volume as nullable
/// float64, the symbol as utf8 in multi-symbol files. What the stream holds goes into the schema's metadata.
/// </summary>
public sealed class ArrowBarWriter : IBarFileWriter
{
    public const string ContentType = "application/vnd.apache.arrow.stream";
    private static readonly TimestampType TimeType = new(TimeUnit.Microsecond, "UTC");

    private readonly Stream _destination;
    private readonly SpoolStream _spool = new();
    private readonly bool _withSymbol;
    private readonly Schema _schema;
    private readonly ArrowStreamWriter _writer;

    public ArrowBarWriter(Stream destination, bool withSymbol, IReadOnlyDictionary<string, string> metadata)
    {
        _destination = destination;
        _withSymbol = withSymbol;
        var schema = new Schema.Builder();
        if (withSymbol)
            schema.Field(f => f.Name("symbol").DataType(StringType.Default).Nullable(false));
        schema.Field(f => f.Name("time").DataType(TimeType).Nullable(false));
        foreach (var (name, _) in new BarBatch(0).Prices)
            schema.Field(f => f.Name(name).DataType(DoubleType.Default).Nullable(true));
        foreach (var (key, value) in metadata)
            schema.Metadata(key, value);
        _schema = schema.Build();
        _writer = new ArrowStreamWriter(_spool, _schema, leaveOpen: true);
    }

    public async Task WriteAsync(BarBatch batch, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        var columns = new List<IArrowArray>();
        if (_withSymbol)
            columns.Add(new StringArray.Builder().AppendRange(batch.Symbols.Take(batch.Count)).Build());
        var times = new TimestampArray.Builder(TimeType);
        for (var i = 0; i < batch.Count; i++)
            times.Append(new DateTimeOffset(batch.Times[i]));
        columns.Add(times.Build());
        foreach (var (_, values) in batch.Prices)
        {
            var column = new DoubleArray.Builder();
            for (var i = 0; i < batch.Count; i++)
                column.Append(values[i]);
            columns.Add(column.Build());
        }
        using var record = new RecordBatch(_schema, columns, batch.Count);
        await _writer.WriteRecordBatchAsync(record, ct);
        await _spool.DrainToAsync(_destination, ct);
    }

    public async Task CompleteAsync(CancellationToken ct)
    {
        await _writer.WriteEndAsync(ct);
        await _spool.DrainToAsync(_destination, ct);
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _spool.DisposeAsync();
    }
}
