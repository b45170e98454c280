using System.Text.Json;
using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Cli.Commands;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Requests;

namespace InvestmentPlatform.Cli.Remote;

/// <summary>collect through a remote platform: submits the request, follows it to the end and prints the same report as embedded.</summary>
internal static class RemoteCollect
{
    public static async Task<int> RunAsync(RemotePlatform remote, IngestionSubmission s, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var accepted = await remote.PostAsync("api/ingestion/requests", new
        {
            source = s.Source, symbols = s.Symbols, assetType = s.AssetType, interval = s.Interval,
            from = s.From, to = s.To, mode = s.Mode, options = s.Options,
        }, ct);
        var id = accepted.GetProperty("requestId").GetGuid();

        var started = DateTime.UtcNow;
        JsonElement request;
        var shown = "";
        while (true)
        {
            request = await remote.GetAsync($"api/ingestion/requests/{id}", ct);
            int done = request.GetProperty("chunksDone").GetInt32(), total = request.GetProperty("chunksTotal").GetInt32();
            var line = $"{CollectCommand.Bar(done, total)} {done}/{total} chunks, {request.GetProperty("recordsLoaded").GetInt64():N0} rows loaded";
            if (line != shown)
                await errors.WriteAsync($"\r{line} ");
            shown = line;
            if (request.GetProperty("status").GetString() is not (IngestionStatuses.Pending or IngestionStatuses.Running))
                break;
            await Task.Delay(500, ct);
        }
        await errors.WriteLineAsync();

        var status = request.GetProperty("status").GetString();
        await output.WriteLineAsync($"request {id}: {status} in {(DateTime.UtcNow - started).TotalSeconds:F1}s");
        await output.WriteLineAsync($"{"symbol",-16} {"status",-20} {"collected",10} {"loaded",10} {"rejected",9}  error");
        if (request.TryGetProperty("perSymbol", out var perSymbol) && perSymbol.ValueKind == JsonValueKind.Array)
            foreach (var l in perSymbol.EnumerateArray().OrderBy(p => p.GetProperty("symbol").GetString(), StringComparer.Ordinal))
            {
                var error = l.GetProperty("errorClass").GetString() is { } errorClass ? $"{errorClass}: {l.GetProperty("errorMessage").GetString()}" : "";
                await output.WriteLineAsync(
                    $"{l.GetProperty("symbol").GetString(),-16} {l.GetProperty("status").GetString(),-20} {l.GetProperty("recordsCollected").GetInt64(),10:N0} " +
                    $"{l.GetProperty("recordsLoaded").GetInt64(),10:N0} {l.GetProperty("recordsRejected").GetInt64(),9:N0}  {error}");
            }
        return status == IngestionStatuses.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }
}
