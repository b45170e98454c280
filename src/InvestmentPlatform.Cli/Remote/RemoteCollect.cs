using InvestmentPlatform.Contracts.Ingestion;
using System.Text.Json;
using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Cli.Commands;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Requests;

namespace InvestmentPlatform.Cli.Remote;

/// <summary>collect through a remote platform: submits the request, follows it to the end and prints the same report as embedded.</summary>
internal static class RemoteCollect
{
    public static async Task<int> RunAsync(RemotePlatform remote, IngestionSubmission s, TextWriter output, CancellationToken ct)
    {
        var accepted = await remote.PostAsync("api/ingestion/requests", new
        {
            source = s.Source, symbols = s.Symbols, assetType = s.AssetType, interval = s.Interval,
            from = s.From, to = s.To, mode = s.Mode, options = s.Options,
        }, ct);
        var id = accepted.GetProperty("requestId").GetGuid();

        var started = DateTime.UtcNow;
        JsonElement request = default;
        var last = await CollectProgress.FollowAsync(async token =>
        {
            request = await remote.GetAsync($"api/ingestion/requests/{id}", token);
            return new CollectProgress.Snapshot(request.GetProperty("status").GetString() ?? "", request.GetProperty("chunksDone").GetInt32(),
                request.GetProperty("chunksTotal").GetInt32(), request.GetProperty("recordsLoaded").GetInt64());
        }, TimeSpan.FromMilliseconds(500), ct);

        var outcomes = request.TryGetProperty("perSymbol", out var perSymbol) && perSymbol.ValueKind == JsonValueKind.Array
            ? perSymbol.EnumerateArray().Select(Outcome).OrderBy(o => o.Symbol, StringComparer.Ordinal).ToList()
            : [];
        await CollectReport.WriteAsync(output, id, last.Status, DateTime.UtcNow - started, outcomes);
        return last.Status == IngestionStatuses.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static CollectReport.SymbolOutcome Outcome(JsonElement l) => new(
        l.GetProperty("symbol").GetString() ?? "", l.GetProperty("status").GetString() ?? "",
        l.GetProperty("recordsCollected").GetInt64(), l.GetProperty("recordsLoaded").GetInt64(), l.GetProperty("recordsRejected").GetInt64(),
        l.GetProperty("errorClass").GetString() is { } errorClass ? $"{errorClass}: {l.GetProperty("errorMessage").GetString()}" : "");
}
