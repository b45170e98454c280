using InvestmentPlatform.Collectors.Core;
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
                rejected.Add(new RejectedRow(row.Time, null, reason));
            }
        }
        return (valid, rejected);
    }

    private string? Check(SeriesRow row)
    {
        if (row.Time < from || row.Time >= to)
            return $"timestamp {row.Time:O} outside the requested range [{from:O}, {to:O})";
        if (_last is { } last && row.Time <= last)
            return $"duplicate timestamp {row.Time:O}";
        return CheckValues(row);
    }

    /// <summary>The value checks alone, shared with parsers that report line numbers.</summary>
    public static string? CheckValues(SeriesRow row)
    {
        if (!double.IsFinite(row.Open) || !double.IsFinite(row.High) || !double.IsFinite(row.Low) || !double.IsFinite(row.Close))
            return "open, high, low and close must be finite numbers";
        if (row.AdjClose is { } adj && !double.IsFinite(adj))
            return "adjusted close must be a finite number";
        if (row.Low > row.High)
            return $"low {row.Low} is above high {row.High}";
        if (row.Low > row.Open || row.Low > row.Close)
            return $"low {row.Low} is above open {row.Open} or close {row.Close}";
        if (row.High < row.Open || row.High < row.Close)
            return $"high {row.High} is below open {row.Open} or close {row.Close}";
        if (row.Volume is { } volume && (!double.IsFinite(volume) || volume < 0))
            return $"volume {volume} must be a finite number ≥ 0";
        if (!double.IsFinite(row.Dividends) || row.Dividends < 0 || !double.IsFinite(row.StockSplits) || row.StockSplits < 0)
            return "dividends and splits must be finite numbers ≥ 0";
        return null;
    }

    private static bool IsAscending(IReadOnlyList<SeriesRow> rows)
    {
        for (var i = 1; i < rows.Count; i++)
            if (rows[i].Time < rows[i - 1].Time)
                return false;
        return true;
    }
}
