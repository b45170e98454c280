using System.Runtime.CompilerServices;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Ingestion.Bench;

/// <summary>Deterministic 1-minute crypto bars, and a source that serves them to the pipeline.</summary>
public sealed class SyntheticBars : ICollector
{
    public static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public SourceDescriptor Descriptor { get; } = new("benchsynthetic", "Benchmark bars", ["crypto"], ["1m"],
        new Dictionary<string, int?>(), new Dictionary<string, int?>(), [], IsSynthetic: true);

    public static SeriesRow Bar(int i)
    {
        var p = 100 + Math.Sin(i / 500.0) * 10 + i % 7 * 0.01;
        return new SeriesRow(Start.AddMinutes(i), p, p + 0.5, p - 0.5, p + 0.1, p + 0.1, 1000 + i % 97);
    }

    public static List<SeriesRow> Bars(int count) => Enumerable.Range(0, count).Select(Bar).ToList();

    public async IAsyncEnumerable<CollectedBatch> CollectAsync(CollectorRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var asset = new AssetDescription(request.Symbol, "Bench", "crypto", "USD", null, Descriptor.Name, new Dictionary<string, string>());
        var first = (int)(request.From - Start).TotalMinutes;
        var last = (int)(request.To - Start).TotalMinutes;
        for (var i = first; i < last; i += 5_000)
        {
            await Task.Yield();
            var end = Math.Min(last, i + 5_000);
            yield return new CollectedBatch(asset, Enumerable.Range(i, end - i).Select(Bar).ToList(), []);
        }
    }
}
