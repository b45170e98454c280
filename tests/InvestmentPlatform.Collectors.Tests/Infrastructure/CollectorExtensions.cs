using InvestmentPlatform.Collectors.Core;

namespace InvestmentPlatform.Collectors.Tests.Infrastructure;

public static class CollectorTestExtensions
{
    public static async Task<List<CollectedBatch>> CollectAllAsync(this ICollector collector, CollectorRequest request)
    {
        var batches = new List<CollectedBatch>();
        await foreach (var batch in collector.CollectAsync(request))
            batches.Add(batch);
        return batches;
    }

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
