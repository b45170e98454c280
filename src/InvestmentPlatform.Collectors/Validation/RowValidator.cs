using System.Globalization;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Collectors.Validation;

/// <summary>
/// Checks rows before they leave a collector. One validator serves one request, so timestamps are checked for
/// uniqueness across every batch of it.
/// </summary>
public sealed class RowValidator(DateTime from, DateTime to)
{
    private DateTime? _last;

    public (List<SeriesRow> Valid, List<RejectedRow> Rejected) Validate(IReadOnlyList<SeriesRow> rows)
    {
        var ordered = IsAscending(rows) ? rows : rows.OrderBy(r => r.Time).ToList();
        var valid = new List<SeriesRow>(ordered.Count);
        var rejected = new List<RejectedRow>();
        foreach (var row in ordered)
        {
            var reason = Check(row);
            if (reason is null)
            {
                valid.Add(row);
                _last = row.Time;
            }
            else
            {
                rejected.Add(RejectedRow.Of(row, reason));
            }
        }
        return (valid, rejected);
    }

    private string? Check(SeriesRow row)
    {
        if (row.Time < from || row.Time >= to)
            return $"timestamp {row.Time:O} is outside the requested range [{from:O}, {to:O})";
        if (_last is { } last && row.Time <= last)
            return $"duplicate timestamp {row.Time:O}";
        return CheckValues(row);
    }

    /// <summary>
    /// The value checks alone, shared with parsers that report line numbers: the one place a row's values are judged.
    /// The reason names the first rule broken and the values that break it.
    /// </summary>
    public static string? CheckValues(SeriesRow row)
    {
        foreach (var (name, value) in new[] { ("open", row.Open), ("high", row.High), ("low", row.Low), ("close", row.Close) })
            if (!double.IsFinite(value))
                return $"{name} {N(value)} is not a finite number";
        if (row.AdjClose is { } adj && !double.IsFinite(adj))
            return $"adjusted close {N(adj)} is not a finite number";
        if (row.Low > row.High)
            return $"low {N(row.Low)} is above high {N(row.High)}";
        if (row.Low > row.Open)
            return $"low {N(row.Low)} is above open {N(row.Open)}";
        if (row.Low > row.Close)
            return $"low {N(row.Low)} is above close {N(row.Close)}";
        if (row.High < row.Open)
            return $"high {N(row.High)} is below open {N(row.Open)}";
        if (row.High < row.Close)
            return $"high {N(row.High)} is below close {N(row.Close)}";
        if (row.Volume is { } volume && !double.IsFinite(volume))
            return $"volume {N(volume)} is not a finite number";
        if (row.Volume is < 0)
            return $"volume {N(row.Volume.Value)} is negative";
        if (!double.IsFinite(row.Dividends) || row.Dividends < 0)
            return $"dividends {N(row.Dividends)} must be a finite number ≥ 0";
        if (!double.IsFinite(row.StockSplits) || row.StockSplits < 0)
            return $"split ratio {N(row.StockSplits)} must be a finite number ≥ 0";
        return null;
    }

    /// <summary>A number as it would be written in a file: invariant, shortest round-trip form.</summary>
    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsAscending(IReadOnlyList<SeriesRow> rows)
    {
        for (var i = 1; i < rows.Count; i++)
            if (rows[i].Time < rows[i - 1].Time)
                return false;
        return true;
    }
}
