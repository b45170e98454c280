using System.Collections.Concurrent;
using System.Diagnostics;
using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.Ingestion.Bench;

/// <summary>
/// When this process's quality consumer last finished a batch that held parts of a symbol: the batch that closes after
/// a load's last part is its last check.
/// </summary>
public sealed class QualityChecksDone(string qualityQueue) : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, long> _finished = new();

    /// <summary><see cref="Stopwatch.GetTimestamp"/> of the last checked batch with <paramref name="symbol"/>, 0 for none yet.</summary>
    public long LastFinished(string symbol) => _finished.GetValueOrDefault(symbol);

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        // Each part of a batch is consumed once its batch is done; other consumers of the same parts have queues of their own.
        if (context.ReceiveContext.InputAddress?.AbsolutePath.EndsWith(qualityQueue, StringComparison.Ordinal) != true)
            return Task.CompletedTask;
        var now = Stopwatch.GetTimestamp();
        if (context.Message is Batch<SeriesUpdated> batch)
            foreach (var symbol in batch.Select(m => m.Message.Symbol).Distinct())
                _finished[symbol] = now;
        else if (context.Message is SeriesUpdated part)
            _finished[part.Symbol] = now;
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
