using System.Globalization;
using InvestmentPlatform.Collectors.Validation;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Sources.Csv;

/// <summary>Reads one data line with a known layout; failures name the line and the reason.</summary>
internal static class CsvRowReader
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ",
        "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-dd HH:mm:sszzz", "yyyyMMdd", "yyyy/MM/dd",
    ];

    public static (SeriesRow? Row, RejectedRow? Rejected) Read(CsvLayout layout, IReadOnlyList<string> fields, int line)
    {
        var raw = string.Join(",", fields);
        if (fields.Count <= layout.Close || fields.Count <= layout.Date)
            return (null, new RejectedRow(null, line, $"expected at least {Math.Max(layout.Close, layout.Date) + 1} fields, found {fields.Count}", Raw: raw));

        if (!TryTime(layout, fields, out var time))
            return (null, new RejectedRow(null, line, $"unreadable date '{fields[layout.Date]}'", Raw: raw));

        string? problem = null;
        double Number(int? column, string name, double? fallback = null)
        {
            if (column is not { } c || c >= fields.Count || fields[c].Length == 0)
            {
                if (fallback is { } f) return f;
                problem ??= $"missing {name}";
                return double.NaN;
            }
            var text = fields[c];
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value;
            problem ??= $"{name} '{text}' is not a number";
            return double.NaN;
        }
        double? Optional(int? column, string name) =>
            column is { } c && c < fields.Count && fields[c].Length > 0 ? Number(c, name) : null;

        var close = Number(layout.Close, "close");
        var open = layout.Open is null ? close : Number(layout.Open, "open");
        var high = layout.High is null ? close : Number(layout.High, "high");
        var low = layout.Low is null ? close : Number(layout.Low, "low");
        var adj = Optional(layout.AdjClose, "adjusted close");
        var volume = Optional(layout.Volume, "volume");
        var dividends = Optional(layout.Dividends, "dividends") ?? 0;
        var splits = Optional(layout.Splits, "splits") ?? 0;
        var row = new SeriesRow(time, open, high, low, close, adj, volume, dividends, splits);
        if (problem is not null)
            return (null, RejectedRow.Of(row, problem, line, raw));
        return RowValidator.CheckValues(row) is { } reason ? (null, RejectedRow.Of(row, reason, line, raw)) : (row, null);
    }

    private static bool TryTime(CsvLayout layout, IReadOnlyList<string> fields, out DateTime time)
    {
        var text = fields[layout.Date].Trim();
        if (layout.Time is { } t && t < fields.Count && fields[t].Trim() is { Length: > 0 } clock && clock != "000000")
            text += clock.PadLeft(6, '0');
        var formats = layout.Time is not null && text.Length == 14 ? ["yyyyMMddHHmmss"] : layout.DateFormat is { } f ? [f] : DateFormats;
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time))
            return true;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch) && epoch > 100_000_000)
        {
            // Unix seconds, or milliseconds when the number is too large for seconds.
            time = epoch > 100_000_000_000 ? DateTime.UnixEpoch.AddMilliseconds(epoch) : DateTime.UnixEpoch.AddSeconds(epoch);
            return true;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
    }
}
