using System.Text.Json;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Api.Assets;

/// <summary>Finds the scheduler jobs whose symbol list names an asset.</summary>
public static class SchedulerReferences
{
    public static async Task<IReadOnlyList<string>> JobsReferencingAsync(PlatformDbContext db, string symbol, CancellationToken ct)
    {
        // Contains narrows on the JSON text; parsing confirms an exact element match (not a prefix of another symbol).
        var candidates = await db.SchedulerJobs.AsNoTracking()
            .Where(j => j.Symbols.Contains(symbol))
            .Select(j => new { j.Name, j.Symbols })
            .ToListAsync(ct);
        return candidates.Where(j => Parse(j.Symbols).Contains(symbol)).Select(j => j.Name).ToList();
    }

    private static string[] Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
