using InvestmentPlatform.Data;
using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;

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
        pos += WriteTime(ReadTime(reader), destination[pos..]);
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
        var pos = WriteTime(ReadTime(reader), destination);
        for (var ordinal = 1; ordinal <= 6; ordinal++)
        {
            destination[pos++] = (byte)',';
            if (!reader.IsDBNull(ordinal))
                pos += WriteFinite(reader.GetDouble(ordinal), destination[pos..], ordinal <= 5 ? decimals : null);
        }
        destination[pos++] = (byte)'\n';
        return pos;
    }

    /// <summary>
    /// The row's time, UTC. SQLite keeps times as text, and its reader turns each into a DateTime with DateTime.Parse,
    /// the costliest part of a row; the platform stores them in one form, read here directly, anything else as before.
    /// </summary>
    private static DateTime ReadTime(DbDataReader reader) =>
        reader is SqliteDataReader && TryParseStoredTime(reader.GetString(0), out var time) ? time : reader.GetUtc(0);

    /// <summary>yyyy-MM-dd HH:mm:ss[.fffffff], the form SQLite rows are stored in, as UTC; false for any other text.</summary>
    public static bool TryParseStoredTime(string text, out DateTime time)
    {
        time = default;
        if (text.Length is not (19 or (>= 21 and <= 27)) || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':')
            return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
            !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
            return false;
        var ticks = 0;
        if (text.Length > 19)
        {
            if (text[19] != '.' || !Digits(text, 20, text.Length - 20, out ticks))
                return false;
            for (var i = text.Length - 20; i < 7; i++)
                ticks *= 10;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        time = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;

        static bool Digits(string text, int start, int count, out int value)
        {
            value = 0;
            for (var i = start; i < start + count; i++)
            {
                var digit = text[i] - '0';
                if ((uint)digit > 9)
                    return false;
                value = value * 10 + digit;
            }
            return true;
        }
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
