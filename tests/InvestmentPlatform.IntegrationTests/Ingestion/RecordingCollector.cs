using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

/// <summary>A deterministic source that remembers every window it was asked for.</summary>
public sealed class RecordingCollector(string name = "recording", int version = 1) : ICollector
{
    public ConcurrentQueue<CollectorRequest> Requests { get; } = new();
    public ConcurrentQueue<(string Symbol, DateTime At)> Calls { get; } = new();
    public int Version { get; set; } = version;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();

    /// <summary>Windows of <paramref name="symbol"/> wait until <see cref="Release"/>, so requests can be made to overlap.</summary>
    public void Hold(string symbol) => _holds[symbol] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string symbol)
    {
        if (_holds.TryRemove(symbol, out var hold))
            hold.TrySetResult();
    }

    private readonly ConcurrentDictionary<string, (int Times, ErrorClass Class, TimeSpan? RetryAfter)> _failures = new();

    /// <summary>The next <paramref name="times"/> calls for <paramref name="symbol"/> fail as the provider would.</summary>
    public void Fail(string symbol, int times, ErrorClass errorClass, TimeSpan? retryAfter = null) =>
        _failures[symbol] = (times, errorClass, retryAfter);

    public SourceDescriptor Descriptor { get; } = new(name, "Recording test source", ["stock", "crypto"], ["1m", "1h", "1d"],
        new Dictionary<string, int?>(), new Dictionary<string, int?> { ["1m"] = 5 }, []);

    public async IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Requests.Enqueue(request);
        Calls.Enqueue((request.Symbol, DateTime.UtcNow));
        if (_failures.TryGetValue(request.Symbol, out var failure) && failure.Times > 0)
        {
            _failures[request.Symbol] = failure with { Times = failure.Times - 1 };
            throw new CollectorException(failure.Class, Descriptor.Name, $"{failure.Class} on purpose", null, failure.RetryAfter);
        }
        if (_holds.TryGetValue(request.Symbol, out var hold))
            await hold.Task.WaitAsync(ct);
        var assetType = request.AssetType ?? "stock";
        var asset = new AssetDescription(request.Symbol, $"{request.Symbol} Inc", assetType, "USD", "TEST", Descriptor.Name,
            new Dictionary<string, string> { ["timezone"] = "UTC" });
        var rows = Bars(request.Symbol, assetType, request.Interval, request.From, request.To, Version).ToList();
        for (var i = 0; i < rows.Count; i += 1000)
        {
            await Task.Yield();
            yield return new CollectedBatch(asset, rows.Skip(i).Take(1000).ToList(), []);
        }
    }

    public static IEnumerable<SeriesRow> Bars(string symbol, string assetType, string interval, DateTime from, DateTime to, int version = 1)
    {
        var step = BarIntervals.Length(interval);
        var seed = symbol.Sum(c => c) * version;
        for (var t = from; t < to; t += step)
        {
            if (assetType != "crypto" && t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                continue;
            var p = 100 + seed % 50 + (t - DateTime.UnixEpoch).TotalDays % 17;
            yield return new SeriesRow(t, p, p + 1, p - 1, p + 0.5, p + 0.4, 1000 + t.Day, 0, 0);
        }
    }
}
