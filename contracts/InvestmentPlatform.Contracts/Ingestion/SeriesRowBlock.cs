using System.Buffers.Binary;

namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>
/// Rows of one <see cref="DataCollected"/> part in a compact columnar block (base64 in JSON). A part carries thousands
/// of rows, and as JSON objects they cost ~300 bytes and ~10 µs each to read back; the block is 73 bytes a row and
/// reads in a fraction of that, which is what lets the bus keep up with the loader.
/// </summary>
/// <param name="Count">Number of rows.</param>
/// <param name="Data">
/// Little-endian columns, each <paramref name="Count"/> long, in this order: time (int64 UTC ticks, 100 ns since
/// 0001-01-01), open, high, low, close (float64), presence flags (one byte: bit 0 adjusted close, bit 1 volume),
/// adjusted close, volume (float64, 0 when absent), dividends, stock splits (float64).
/// </param>
public record SeriesRowBlock(int Count, byte[] Data)
{
    /// <summary>Bytes per row over all columns.</summary>
    public const int BytesPerRow = 8 + 4 * 8 + 1 + 2 * 8 + 2 * 8;

    private const byte HasAdjClose = 1;
    private const byte HasVolume = 2;

    /// <summary>Encodes <paramref name="rows"/> in their order.</summary>
    public static SeriesRowBlock From(IReadOnlyList<SeriesRow> rows)
    {
        var n = rows.Count;
        var data = new byte[n * BytesPerRow];
        var span = data.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var r = rows[i];
            BinaryPrimitives.WriteInt64LittleEndian(span[(8 * i)..], r.Time.Ticks);
            WriteDouble(span, n, 0, i, r.Open);
            WriteDouble(span, n, 1, i, r.High);
            WriteDouble(span, n, 2, i, r.Low);
            WriteDouble(span, n, 3, i, r.Close);
            span[FlagsOffset(n) + i] = (byte)((r.AdjClose is null ? 0 : HasAdjClose) | (r.Volume is null ? 0 : HasVolume));
            WriteDouble(span, n, 4, i, r.AdjClose ?? 0);
            WriteDouble(span, n, 5, i, r.Volume ?? 0);
            WriteDouble(span, n, 6, i, r.Dividends);
            WriteDouble(span, n, 7, i, r.StockSplits);
        }
        return new SeriesRowBlock(n, data);
    }

    /// <summary>The rows in the order they were written.</summary>
    /// <exception cref="FormatException">The data does not hold <see cref="Count"/> rows.</exception>
    public List<SeriesRow> ToRows()
    {
        var n = Count;
        if (n < 0 || Data is null || (long)n * BytesPerRow != Data.Length)
            throw new FormatException($"A row block of {Count} rows must hold {(long)Count * BytesPerRow} bytes, not {Data?.Length ?? 0}.");
        ReadOnlySpan<byte> span = Data;
        var rows = new List<SeriesRow>(n);
        for (var i = 0; i < n; i++)
        {
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(span[(8 * i)..]);
            if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
                throw new FormatException($"Row {i} of the block has a time out of range.");
            var flags = span[FlagsOffset(n) + i];
            rows.Add(new SeriesRow(
                new DateTime(ticks, DateTimeKind.Utc),
                ReadDouble(span, n, 0, i),
                ReadDouble(span, n, 1, i),
                ReadDouble(span, n, 2, i),
                ReadDouble(span, n, 3, i),
                (flags & HasAdjClose) != 0 ? ReadDouble(span, n, 4, i) : null,
                (flags & HasVolume) != 0 ? ReadDouble(span, n, 5, i) : null,
                ReadDouble(span, n, 6, i),
                ReadDouble(span, n, 7, i)));
        }
        return rows;
    }

    // Layout: times (8n), four price columns (8n each), flags (n), then four more float64 columns.
    private static int FlagsOffset(int n) => 8 * n + 4 * 8 * n;

    private static int DoubleOffset(int n, int column) => 8 * n + column * 8 * n + (column >= 4 ? n : 0);

    private static void WriteDouble(Span<byte> span, int n, int column, int i, double value) =>
        BinaryPrimitives.WriteDoubleLittleEndian(span[(DoubleOffset(n, column) + 8 * i)..], value);

    private static double ReadDouble(ReadOnlySpan<byte> span, int n, int column, int i) =>
        BinaryPrimitives.ReadDoubleLittleEndian(span[(DoubleOffset(n, column) + 8 * i)..]);
}
