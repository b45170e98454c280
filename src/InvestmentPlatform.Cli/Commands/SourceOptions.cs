using InvestmentPlatform.Contracts.Ingestion;
using System.CommandLine;
using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>What fetch and collect ask a source for: the source, symbols, asset type, interval and the source's own settings.</summary>
internal sealed class SourceOptions
{
    public Option<string?> Source { get; } = CliOptions.Text("--source", "yahoo, coinbase, fred, csv or synthetic (required)");

    public Option<string?> Symbol { get; }

    public Option<string?> AssetType { get; } = CliOptions.Text("--asset-type",
        "stock, forex, crypto, bond, commodity or economic_indicator (default: the source decides)");

    public Option<string> Interval { get; } = CliOptions.OneOf("--interval", "1d", BarIntervals.All,
        "1m, 5m, 15m, 30m, 1h, 1d, 1wk or 1mo; each source serves a subset");

    public Option<string?> File { get; } = CliOptions.Text("--file",
        "CSV file for the csv source, inside the import folder: Imports__Directory, by default the current directory");

    public Option<string?> Seed { get; } = CliOptions.Text("--seed", "generator seed for the synthetic source (default 42)");

    public SourceOptions(string symbolDescription)
    {
        Symbol = CliOptions.Text("--symbol", symbolDescription);
        AssetType.CompletionSources.Add(AssetTypes.All.ToArray());
        Source.CompletionSources.Add("yahoo", "coinbase", "fred", "csv", "synthetic");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Source, Symbol, AssetType, Interval, File, Seed })
            command.Options.Add(option);
        CliOptions.Require(command, Source, Symbol);
    }

    /// <summary>The source's own settings: the CSV file (as <paramref name="filePath"/> makes it) and the synthetic seed.</summary>
    public Dictionary<string, string> Settings(ParseResult parsed, Func<string, string> filePath)
    {
        var settings = new Dictionary<string, string>();
        if (parsed.GetValue(File) is { } file) settings["file"] = filePath(file);
        if (parsed.GetValue(Seed) is { } seed) settings["seed"] = seed;
        return settings;
    }
}
