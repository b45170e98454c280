using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Cli.Remote;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>Runs one collection request through the ingestion pipeline in this process, with a live progress bar.</summary>
public sealed class CollectCommand : ICliCommand
{
    public string Name => "collect";

    public string Summary => "collect symbols from a source into the database through the ingestion pipeline";

    public string Usage => """
          --source S          yahoo, coinbase, fred, csv or synthetic (required)
          --symbol S[,S...]   one or more provider symbols, comma separated (required)
          --asset-type T      stock, forex, crypto, bond, commodity or economic_indicator (default: the source decides)
          --interval I        1m, 5m, 15m, 30m, 1h, 1d, 1wk or 1mo (default 1d)
          --from D --to D     range [from, to), yyyy-MM-dd or ISO 8601, UTC (default: the last 365 days)
          --mode M            batch (the whole range) or incremental (only what is missing; default batch)
          --file F            CSV file inside the import folder (csv source)   --seed N   generator seed (synthetic source)
        The import folder is Imports__Directory, by default the current directory.
        Runs embedded (SQLite ./data/platform.db, in-memory bus) unless ConnectionStrings__Platform is set.
        """ + "\n" + RemotePlatform.Usage;

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var source = arguments.Required("source");
        var symbols = arguments.Required("symbol").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var assetType = arguments.Optional("asset-type");
        var interval = arguments.OneOf("interval", "1d", BarIntervals.All);
        var to = arguments.Optional("to") is null ? DateTime.UtcNow.Date.AddDays(1) : arguments.Date("to");
        var from = arguments.Optional("from") is null ? to.AddDays(-365) : arguments.Date("from");
        var mode = arguments.OneOf("mode", IngestionModes.Batch, [IngestionModes.Batch, IngestionModes.Incremental]);
        var options = new Dictionary<string, string>();
        var file = arguments.Optional("file");
        if (arguments.Optional("seed") is { } seed) options["seed"] = seed;
        using var remote = RemotePlatform.From(arguments);
        arguments.RejectUnknown();
        if (remote is not null)
        {
            // The file is the remote platform's to read: a path inside its import folder.
            if (file is not null) options["file"] = file;
            return await RemoteCollect.RunAsync(remote, new IngestionSubmission(source, symbols, assetType, interval, from, to, mode, options), output, errors, ct);
        }
        if (file is not null) options["file"] = Path.GetFullPath(file);

        using var host = await PlatformServices.StartAsync(pipeline: true, ct);
        try
        {
            return await CollectAsync(host, new IngestionSubmission(source, symbols, assetType, interval, from, to, mode, options, Door: SubmissionDoor.CommandLine), output, errors, ct);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> CollectAsync(IHost host, IngestionSubmission submission, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var problems = scope.ServiceProvider.GetRequiredService<IngestionRequestValidator>().Validate(submission);
            if (problems.Count > 0)
                throw new CliUsageException(string.Join(" ", problems.Select(p => p.Message)));
            id = (await scope.ServiceProvider.GetRequiredService<IngestionRequestWriter>().SubmitAsync(submission, ct)).Id;
        }

        var started = DateTime.UtcNow;
        IngestionRequest request;
        var shown = "";
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            request = await db.IngestionRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            var line = $"{Bar(request.ChunksDone, request.ChunksTotal)} {request.ChunksDone}/{request.ChunksTotal} chunks, {request.RecordsLoaded:N0} rows loaded";
            if (line != shown)
                await errors.WriteAsync($"\r{line} ");
            shown = line;
            if (request.Status is not (IngestionStatuses.Pending or IngestionStatuses.Running))
                break;
            await Task.Delay(200, ct);
        }
        await errors.WriteLineAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var logs = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().DataCollectionLog.AsNoTracking()
                .Where(l => l.RequestId == id).OrderBy(l => l.Symbol).ToListAsync(ct);
            await output.WriteLineAsync($"request {id}: {request.Status} in {(DateTime.UtcNow - started).TotalSeconds:F1}s");
            await output.WriteLineAsync($"{"symbol",-16} {"status",-20} {"collected",10} {"loaded",10} {"rejected",9}  error");
            foreach (var l in logs)
                await output.WriteLineAsync(
                    $"{l.Symbol,-16} {l.Status,-20} {l.RecordsCollected,10:N0} {l.RecordsLoaded,10:N0} {l.RecordsRejected,9:N0}  {(l.ErrorClass is null ? "" : $"{l.ErrorClass}: {l.ErrorMessage}")}");
        }
        return request.Status == IngestionStatuses.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    internal static string Bar(int done, int total)
    {
        const int width = 30;
        var filled = total == 0 ? 0 : done * width / total;
        return $"[{new string('#', filled)}{new string('.', width - filled)}]";
    }
}
