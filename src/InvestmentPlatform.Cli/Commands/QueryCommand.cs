using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Series;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Cli.Remote;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>Prints stored rows of one symbol from its series table.</summary>
public sealed class QueryCommand : Command
{
    private readonly Option<string?> _symbol = CliOptions.Text("--symbol", "symbol as stored (required)");
    private readonly Option<string> _interval = CliOptions.OneOf("--interval", "1d", BarIntervals.All, "1m, 5m, 15m, 30m, 1h, 1d, 1wk or 1mo");
    private readonly Option<DateTime?> _from = CliOptions.Date("--from", "start of the range [from, to], yyyy-MM-dd or ISO 8601, UTC (required)");
    private readonly Option<DateTime?> _to = CliOptions.Date("--to", "end of the range, included, as the API's to (required)");
    private readonly Option<string> _format = CliOptions.OneOf("--format", "csv", ["csv", "json"], "output format");
    private readonly RemoteOptions _remote = new();

    public QueryCommand()
        : base("query", """
            print stored rows of a symbol.
            Reads the embedded database (./data/platform.db) unless ConnectionStrings__Platform is set.
            """)
    {
        Options.Add(_symbol);
        Options.Add(_interval);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_format);
        _remote.AddTo(this);
        CliOptions.Require(this, _symbol, _from, _to);
        this.SetWork(RunAsync);
    }

    internal sealed record Row(DateTime Time, double Open, double High, double Low, double Close, double? AdjClose, double? Volume);

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var symbol = parsed.GetValue(_symbol)!;
        var interval = parsed.GetValue(_interval)!;
        var from = parsed.GetValue(_from)!.Value;
        var to = parsed.GetValue(_to)!.Value;
        var format = parsed.GetValue(_format)!;
        using var remote = _remote.Open(parsed);
        if (from > to)
            throw new CliUsageException($"--from ({from:yyyy-MM-dd HH:mm}) must not be after --to ({to:yyyy-MM-dd HH:mm})");
        if (remote is not null)
        {
            var (remoteRows, remoteType) = await RemoteQuery.ReadAsync(remote, symbol, interval, from, to, ct);
            return await WriteAsync(remoteRows, symbol, remoteType, interval, format, output, errors);
        }

        using var host = await PlatformServices.StartAsync(pipeline: false, ct);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Symbol == symbol, ct);
        if (asset is null)
        {
            await errors.WriteLineAsync($"error: no stored asset '{symbol}': collect it first");
            return ExitCodes.Failure;
        }

        var id = asset.AssetId;
        var table = SeriesTable.For(asset.AssetType);
        var rows = table switch
        {
            _ when table == SeriesTable.Forex => await db.ForexRates.AsNoTracking().Where(r => r.AssetId == id && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new Row(r.Time, r.Open, r.High, r.Low, r.Close, null, null)).ToListAsync(ct),
            _ when table == SeriesTable.Bonds => await db.BondRates.AsNoTracking().Where(r => r.AssetId == id && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new Row(r.Time, r.Rate, r.Rate, r.Rate, r.Rate, null, null)).ToListAsync(ct),
            _ when table == SeriesTable.Economic => await db.EconomicData.AsNoTracking().Where(r => r.AssetId == id && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new Row(r.Time, r.Value, r.Value, r.Value, r.Value, null, null)).ToListAsync(ct),
            _ => await db.MarketData.AsNoTracking().Where(r => r.AssetId == id && r.Interval == interval && r.Time >= from && r.Time <= to)
                .OrderBy(r => r.Time).Select(r => new Row(r.Time, r.Open, r.High, r.Low, r.Close, r.AdjClose, r.Volume)).ToListAsync(ct),
        };

        return await WriteAsync(rows, symbol, asset.AssetType, interval, format, output, errors);
    }

    private static async Task<int> WriteAsync(
        IReadOnlyList<Row> rows, string symbol, string assetType, string interval, string format, TextWriter output, TextWriter errors)
    {
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(rows.Select(r => new
            {
                time = r.Time, open = r.Open, high = r.High, low = r.Low, close = r.Close,
                adjClose = r.AdjClose, volume = r.Volume,
            })));
        }
        else
        {
            await output.WriteLineAsync("time,open,high,low,close,adj_close,volume");
            foreach (var r in rows)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Time:yyyy-MM-ddTHH:mm:ssZ},{r.Open},{r.High},{r.Low},{r.Close},{r.AdjClose},{r.Volume}"));
        }
        await errors.WriteLineAsync($"{rows.Count} rows of {symbol} ({assetType}, {interval})");
        return ExitCodes.Success;
    }
}
