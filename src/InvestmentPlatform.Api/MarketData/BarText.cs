using System.Data.Common;
using System.Text;

namespace InvestmentPlatform.Api.MarketData;

/// <summary>
/// One bar as UTF-8 bytes, a JSON object or a CSV line, written straight into the response buffer. The bars endpoint
/// streams hundreds of thousands of these, so names are pre-encoded and numbers go through <see cref="ShortestDouble"/>.
/// Times are ISO 8601 UTC with the fraction only when there is one, as System.Text.Json writes them. Prices are rounded to
/// the decimals <see cref="PricePrecision"/> gives.
/// </summary>
public static class BarText
{
    /// <summary>Room for any row: seven fields of at most 32 bytes plus names and punctuation.</summary>
    public const int MaxRowLength = 384;

    public static ReadOnlySpan<byte> CsvHeader => "time,open,high,low,close,adjClose,volume\n"u8;

    /// <summary>The JSON name, with the comma before it, of columns 1 to 6 (open … volume).</summary>
    private static readonly byte[][] JsonNames =
        [.. new[] { "open", "high", "low", "close", "adjClose", "volume" }.Select(name => Encoding.ASCII.GetBytes($",\"{name}\":"))];

    /// <summary>Columns (time, open, high, low, close, adj_close, volume) of the current row as a JSON object.</summary>
    public static int WriteJson(DbDataReader reader, Span<byte> destination, int? decimals = null)
    {
        var pos = Append(destination, "{\"time\":\""u8);
        pos += WriteTime(reader.GetUtc(0), destination[pos..]);
        destination[pos++] = (byte)'"';
        for (var ordinal = 1; ordinal <= 6; ordinal++)
        {
            pos += Append(destination[pos..], JsonNames[ordinal - 1]);
            pos += WriteNumber(reader, ordinal, destination[pos..], ordinal <= 5 ? decimals : null);
        }
        destination[pos++] = (byte)'}';
        return pos;
    }

    /// <summary>The current row as a CSV line; a missing value is an empty field.</summary>
    public static int WriteCsv(DbDataReader reader, Span<byte> destination, int? decimals = null)
    {
        var pos = WriteTime(reader.GetUtc(0), destination);
        for (var ordinal = 1; ordinal <= 6; ordinal++)
        {
            destination[pos++] = (byte)',';
            if (!reader.IsDBNull(ordinal))
                pos += WriteFinite(reader.GetDouble(ordinal), destination[pos..], ordinal <= 5 ? decimals : null);
        }
        destination[pos++] = (byte)'\n';
        return pos;
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss[.fffffff]Z, trailing zeros of the fraction dropped.</summary>
    public static int WriteTime(DateTime time, Span<byte> destination)
    {
        WriteFixed(time.Year, 4, destination);
        destination[4] = (byte)'-';
        WriteFixed(time.Month, 2, destination[5..]);
        destination[7] = (byte)'-';
        WriteFixed(time.Day, 2, destination[8..]);
        destination[10] = (byte)'T';
        WriteFixed(time.Hour, 2, destination[11..]);
        destination[13] = (byte)':';
        WriteFixed(time.Minute, 2, destination[14..]);
        destination[16] = (byte)':';
        WriteFixed(time.Second, 2, destination[17..]);
        var pos = 19;
        var fraction = (int)(time.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            destination[pos++] = (byte)'.';
            WriteFixed(fraction, digits, destination[pos..]);
            pos += digits;
        }
        destination[pos++] = (byte)'Z';
        return pos;
    }

    private static int WriteNumber(DbDataReader reader, int ordinal, Span<byte> destination, int? decimals) =>
        reader.IsDBNull(ordinal) ? Append(destination, "null"u8) : WriteFinite(reader.GetDouble(ordinal), destination, decimals);

    private static int WriteFinite(double value, Span<byte> destination, int? decimals)
    {
        value = PricePrecision.Round(value, decimals);
        // Stored prices are validated finite on the way in; a NaN that got in some other way must not break the document.
        return ShortestDouble.TryFormat(value, destination, out var written) ? written : Append(destination, "null"u8);
    }

    private static int Append(Span<byte> destination, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination);
        return text.Length;
    }

    private static void WriteFixed(int value, int digits, Span<byte> destination)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
