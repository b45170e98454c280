using InvestmentPlatform.Data.Assets;
using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Collectors;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>Collects one symbol from one source and prints the validated rows; rejected rows go to standard error.</summary>
public sealed class FetchCommand : ICliCommand
{
    public string Name => "fetch";

    public string Summary => "collect one symbol from a source and print the validated rows";

    public string Usage => """
          --source yahoo|coinbase|fred|csv|synthetic   source to ask (required)
          --symbol S          provider symbol: AAPL, EURUSD=X, GC=F, BTC-USD, DGS10 (required)
          --asset-type T      stock, forex, crypto, bond, commodity or economic_indicator (default: the source decides)
          --interval I        1m, 5m, 15m, 30m, 1h, 1d, 1wk or 1mo (default 1d)
          --from D --to D     range [from, to), yyyy-MM-dd or ISO 8601, UTC (required)
          --file F            CSV file inside the import folder: Imports__Directory, by default the current directory (csv source)
          --seed N            generator seed (synthetic source)
          --format csv|json   output format (default csv)
        Sources read Sources__Yahoo__BaseUrl, Sources__Coinbase__BaseUrl, Sources__Fred__BaseUrl and
        Sources__Fred__ApiKey (or FRED_API_KEY) from the environment.
        """;

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var source = arguments.Required("source");
        var symbol = arguments.Required("symbol");
        var assetType = arguments.Optional("asset-type");
        var interval = arguments.OneOf("interval", "1d", BarIntervals.All);
        var from = arguments.Date("from");
        var to = arguments.Date("to");
        var format = arguments.OneOf("format", "csv", ["csv", "json"]);
        var options = new Dictionary<string, string>();
        if (arguments.Optional("file") is { } file) options["file"] = file;
        if (arguments.Optional("seed") is { } seed) options["seed"] = seed;
        arguments.RejectUnknown();
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
