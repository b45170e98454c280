using InvestmentPlatform.Contracts.Ingestion;
using System.Globalization;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;
using InvestmentPlatform.Ingestion.Incremental;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Ingestion.Requests;

/// <summary>
/// The limits every door applies to a collection, the API, the scheduler (at create, update and dispatch), the command
/// line and the planner alike: symbols, dates, bars per symbol, and the chunks and rows a request may plan.
/// </summary>
public sealed class RequestLimits(IOptions<IngestionOptions> options, TimeProvider clock)
{
    public const int MaxSymbols = 500;
    public const int MaxSymbolLength = 64;

    /// <summary>Why a symbol cannot be stored and served, or null when it can.</summary>
    public static string? SymbolProblem(string? symbol)
    {
        var s = symbol?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > MaxSymbolLength)
            return $"Every symbol must be 1 to {MaxSymbolLength} characters.";
        // A symbol is a path segment of the API and a label on the dashboard: no separators, controls or reordering marks.
        foreach (var c in s)
            if (char.IsControl(c) || c is '/' or '\\' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                return "Symbols must not hold control characters, bidirectional or other format characters, '/' or '\\'.";
        return null;
    }

    public IEnumerable<SubmissionError> CheckSymbols(IReadOnlyList<string?>? symbols)
    {
        if (symbols is null || symbols.Count == 0)
            yield return new("symbols", "symbols must list at least one symbol.");
        else if (symbols.Count > MaxSymbols)
            yield return new("symbols", $"At most {MaxSymbols} symbols per request.");
        else if (symbols.Select(SymbolProblem).FirstOrDefault(p => p is not null) is { } problem)
            yield return new("symbols", problem);
    }

    public IEnumerable<SubmissionError> CheckRange(DateTime? from, DateTime? to)
    {
        if (from is { } early && !DateLimits.Contains(early, clock))
            yield return new("from", $"from must be {DateLimits.Describe(clock)}.");
        if (to is { } late && !DateLimits.Contains(late, clock))
            yield return new("to", $"to must be {DateLimits.Describe(clock)}.");
        if (from is { } f && to is { } t && f >= t)
            yield return new("from", "from must be before to.");
    }

    /// <summary>Bars per symbol, chunks and rows of a request over [from, to); the range must already be within the date limits.</summary>
    public IEnumerable<SubmissionError> CheckSize(SourceDescriptor? source, string interval, int symbols, DateTime from, DateTime to)
    {
        var o = options.Value;
        var bars = (to - from).Ticks / BarIntervals.Length(interval).Ticks;
        if (bars > o.MaxBarsPerRequest)
            yield return new("to", $"The range spans {bars:N0} {interval} bars; at most {o.MaxBarsPerRequest:N0} per request.", true);
        else if (bars * symbols > o.MaxRowsPerRequest)
            yield return new("symbols", $"{symbols:N0} symbols of {bars:N0} {interval} bars are {bars * symbols:N0} rows; at most {o.MaxRowsPerRequest:N0} per request.", true);
        else
        {
            var chunks = (long)ChunkPlanner.Split([new TimeWindow(from, to)], source, interval, o.ChunkMaxBars).Count() * symbols;
            if (chunks > o.MaxChunksPerRequest)
                yield return new("to", $"The request would be planned into {chunks:N0} chunks; at most {o.MaxChunksPerRequest:N0} per request.", true);
        }
    }
}
