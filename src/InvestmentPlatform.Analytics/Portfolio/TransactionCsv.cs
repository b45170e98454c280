using System.Globalization;
using System.Text;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>The import format: a header line, then one transaction per line; fields may be double-quoted.</summary>
public static class TransactionCsv
{
    public const string Header = "type,symbol,time,quantity,price,amount,fee,currency,note";

    public static bool IsHeader(string line) =>
        string.Join(',', Split(line).Select(f => f.Trim().ToLowerInvariant())) == Header;

    /// <summary>Throws <see cref="AnalyticsException"/> naming the field that does not parse.</summary>
    public static TransactionInput Parse(string line)
    {
        var f = Split(line);
        if (f.Count != 9)
            throw AnalyticsException.Invalid("line", $"Expected 9 fields ({Header}), found {f.Count}.");
        if (!DateTime.TryParse(f[2], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            throw AnalyticsException.Invalid("time", $"time '{f[2]}' is not a date (use ISO-8601 such as 2024-01-02).");
        return new TransactionInput(f[0], Empty(f[1]), time, Number(f[3], "quantity"), Number(f[4], "price"), Number(f[5], "amount"),
            Number(f[6], "fee"), Empty(f[7]), Empty(f[8]));
    }

    private static string? Empty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static double? Number(string s, string field)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw AnalyticsException.Invalid(field, $"{field} '{s}' is not a number.");
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
