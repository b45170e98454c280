using InvestmentPlatform.Contracts.Ingestion;
using System.CommandLine;
using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Cli.Remote;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>Runs one collection request through the ingestion pipeline in this process, with a live progress bar.</summary>
public sealed class CollectCommand : Command
{
    private readonly SourceOptions _source = new("one or more provider symbols, comma separated (required)");
    private readonly Option<DateTime?> _from = CliOptions.Date("--from", "start of the range [from, to), yyyy-MM-dd or ISO 8601, UTC (default: 365 days before --to)");
    private readonly Option<DateTime?> _to = CliOptions.Date("--to", "end of the range, not included (default: tomorrow, UTC)");
    private readonly Option<string> _mode = CliOptions.OneOf("--mode", IngestionModes.Batch, [IngestionModes.Batch, IngestionModes.Incremental],
        "batch (the whole range) or incremental (only what is missing)");
    private readonly RemoteOptions _remote = new();

    public CollectCommand()
        : base("collect", """
            collect symbols from a source into the database through the ingestion pipeline.
            Runs embedded (SQLite ./data/platform.db, in-memory bus) unless ConnectionStrings__Platform is set.
            """)
    {
        _source.AddTo(this);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_mode);
        _remote.AddTo(this);
        this.SetWork(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var source = parsed.GetValue(_source.Source)!;
        var symbols = parsed.GetValue(_source.Symbol)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var assetType = parsed.GetValue(_source.AssetType);
        var interval = parsed.GetValue(_source.Interval)!;
        var to = parsed.GetValue(_to) ?? DateTime.UtcNow.Date.AddDays(1);
        var from = parsed.GetValue(_from) ?? to.AddDays(-365);
        var mode = parsed.GetValue(_mode)!;
        using var remote = _remote.Open(parsed);
        if (remote is not null)
        {
            // The file is the remote platform's to read: a path inside its import folder.
            var remoteSettings = _source.Settings(parsed, file => file);
            return await RemoteCollect.RunAsync(remote, new IngestionSubmission(source, symbols, assetType, interval, from, to, mode, remoteSettings), output, ct);
        }

        var settings = _source.Settings(parsed, Path.GetFullPath);
        using var host = await PlatformServices.StartAsync(pipeline: true, ct);
        try
        {
            return await CollectAsync(host, new IngestionSubmission(source, symbols, assetType, interval, from, to, mode, settings, Door: SubmissionDoor.CommandLine), output, ct);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> CollectAsync(IHost host, IngestionSubmission submission, TextWriter output, CancellationToken ct)
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
        var request = await CollectProgress.FollowAsync(async token =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var r = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().IngestionRequests.AsNoTracking().FirstAsync(r => r.Id == id, token);
            return new CollectProgress.Snapshot(r.Status, r.ChunksDone, r.ChunksTotal, r.RecordsLoaded);
        }, TimeSpan.FromMilliseconds(200), ct);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var logs = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().DataCollectionLog.AsNoTracking()
                .Where(l => l.RequestId == id).OrderBy(l => l.Symbol).ToListAsync(ct);
            await CollectReport.WriteAsync(output, id, request.Status, DateTime.UtcNow - started, logs.Select(l => new CollectReport.SymbolOutcome(
                l.Symbol, l.Status, l.RecordsCollected, l.RecordsLoaded, l.RecordsRejected, l.ErrorClass is null ? "" : $"{l.ErrorClass}: {l.ErrorMessage}")));
        }
        return request.Status == IngestionStatuses.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }
}
