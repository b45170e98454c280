using System.CommandLine;
using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Collectors;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>Collects one symbol from one source and prints the validated rows; rejected rows go to standard error.</summary>
public sealed class FetchCommand : Command
{
    private readonly SourceOptions _source = new("provider symbol: AAPL, EURUSD=X, GC=F, BTC-USD, DGS10 (required)");
    private readonly Option<DateTime?> _from = CliOptions.Date("--from", "start of the range [from, to), yyyy-MM-dd or ISO 8601, UTC (required)");
    private readonly Option<DateTime?> _to = CliOptions.Date("--to", "end of the range, not included (required)");
    private readonly Option<string> _format = CliOptions.OneOf("--format", "csv", ["csv", "json"], "output format");

    public FetchCommand()
        : base("fetch", """
            collect one symbol from a source and print the validated rows, without the database or the bus.
            Sources read Sources__Yahoo__BaseUrl, Sources__Coinbase__BaseUrl, Sources__Fred__BaseUrl and
            Sources__Fred__ApiKey (or FRED_API_KEY) from the environment.
            """)
    {
        _source.AddTo(this);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_format);
        CliOptions.Require(this, _from, _to);
        this.SetWork(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var source = parsed.GetValue(_source.Source)!;
        var symbol = parsed.GetValue(_source.Symbol)!;
        var assetType = parsed.GetValue(_source.AssetType);
        var interval = parsed.GetValue(_source.Interval)!;
        var from = parsed.GetValue(_from)!.Value;
        var to = parsed.GetValue(_to)!.Value;
        var format = parsed.GetValue(_format)!;
        var options = _source.Settings(parsed, file => file);
        if (from >= to)
            throw new CliUsageException($"--from ({from:yyyy-MM-dd HH:mm}) must be before --to ({to:yyyy-MM-dd HH:mm})");
        if (assetType is not null && !AssetTypes.All.Contains(assetType))
            throw new CliUsageException($"--asset-type '{assetType}' is not one of {string.Join(", ", AssetTypes.All)}");

        await using var services = BuildServices();
        var registry = services.GetRequiredService<ICollectorRegistry>();
        if (!registry.TryGet(source, out var collector))
            throw new CliUsageException($"unknown source '{source}': use one of {string.Join(", ", registry.Sources.Select(s => s.Name).Order())}");

        // Output starts with the first batch, so a failure before it leaves standard output empty.
        var writer = FetchRowWriter.For(format, output);
        var begun = false;
        long rows = 0, rejected = 0;
        AssetDescription? asset = null;
        var request = new CollectorRequest(symbol, assetType, interval, from, to, options);
        await foreach (var batch in collector.CollectAsync(request, ct))
        {
            asset ??= batch.Asset;
            if (!begun)
            {
                await writer.BeginAsync();
                begun = true;
            }
            await writer.WriteAsync(batch.Asset, batch.Rows);
            rows += batch.Rows.Count;
            foreach (var r in batch.Rejected)
            {
                rejected++;
                await errors.WriteLineAsync(
                    $"rejected{(r.Line is { } line ? $" line {line}" : "")}{(r.Time is { } time ? $" {time:yyyy-MM-ddTHH:mm:ssZ}" : "")}: {r.Reason}");
            }
        }
        if (!begun)
            await writer.BeginAsync();
        await writer.EndAsync();

        var described = asset is null ? symbol
            : $"{asset.Symbol} ({asset.AssetType}{(asset.Currency is { } c ? $", {c}" : "")}{(collector.Descriptor.IsSynthetic ? ", synthetic" : "")})";
        await errors.WriteLineAsync($"{rows} rows of {described} from {collector.Descriptor.Name}, {rejected} rejected");
        return ExitCodes.Success;
    }

    private static ServiceProvider BuildServices()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(PlatformServices.CommandLineDefaults).AddEnvironmentVariables();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddCollectors();
        return builder.Services.BuildServiceProvider();
    }
}
