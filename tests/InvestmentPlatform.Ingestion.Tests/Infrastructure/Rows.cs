using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Planning;
using InvestmentPlatform.Ingestion.Dispatch;
using InvestmentPlatform.Ingestion.Outcomes;
using InvestmentPlatform.Ingestion.Sweeping;
using InvestmentPlatform.Ingestion;

namespace InvestmentPlatform.Ingestion.Tests.Infrastructure;

/// <summary>Rows the coordinator specs start from, with only what a spec cares about to name.</summary>
public static class Rows
{
    public static readonly DateTime Day = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IngestionRequest Request(Guid id, string status = IngestionStatuses.Running, string symbols = "[\"X\"]") => new()
    {
        Id = id, Source = "fake", Symbols = symbols, Interval = "1m", Mode = "batch", Status = status, CreatedAt = DateTime.UtcNow,
    };

    public static IngestionChunk Chunk(Guid requestId, string status, string symbol = "X", int day = 0, long loaded = 0) => new()
    {
        Id = Guid.NewGuid(), RequestId = requestId, Symbol = symbol, Status = status, From = Day.AddDays(day), To = Day.AddDays(day + 1),
        CreatedAt = DateTime.UtcNow, RecordsCollected = loaded, RecordsLoaded = loaded,
        FinishedAt = ChunkStatuses.IsTerminal(status) ? DateTime.UtcNow : null,
    };
}
