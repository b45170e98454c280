using System.Globalization;
using Sylvan.Data.Csv;

namespace InvestmentPlatform.Analytics.Portfolio;

/// <summary>The import format: a header line, then one transaction per line; fields may be double-quoted.</summary>
public static class TransactionCsv
{
    public const string Header = "type,symbol,time,quantity,price,amount,fee,currency,note";

    /// <summary>The body's records with their 1-based line numbers, parsed by Sylvan (RFC 4180 quoting, comma separated).</summary>
    public static IEnumerable<(int Line, string[] Fields)> Records(string csv)
    {
        var options = new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' };
        using var reader = CsvDataReader.Create(new StringReader(csv), options);
        while (reader.Read())
        {
            var fields = new string[reader.RowFieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = reader.GetString(i);
            yield return (reader.RowNumber, fields);
        }
    }

    public static bool IsHeader(string[] fields) =>
        string.Join(',', fields.Select(f => f.Trim().ToLowerInvariant())) == Header;

    public static bool IsBlank(string[] fields) => fields.All(string.IsNullOrWhiteSpace);

    /// <summary>Throws <see cref="AnalyticsException"/> naming the field that does not parse.</summary>
    public static TransactionInput Parse(string[] f)
    {
        if (f.Length != 9)
            throw AnalyticsException.Invalid("line", $"Expected 9 fields ({Header}), found {f.Length}.");
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
}
