using System.Globalization;
using System.Text.Json;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>Writes rows to standard output as CSV or as one JSON array, as they stream in.</summary>
internal abstract class FetchRowWriter
{
    public static FetchRowWriter For(string format, TextWriter output) => format == "json" ? new Json(output) : new Csv(output);

    public abstract Task BeginAsync();

    public abstract Task WriteAsync(AssetDescription asset, IReadOnlyList<SeriesRow> rows);

    public abstract Task EndAsync();

    private static string Time(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private sealed class Csv(TextWriter output) : FetchRowWriter
    {
        public override Task BeginAsync() => output.WriteLineAsync("time,open,high,low,close,adj_close,volume,dividends,stock_splits");

        public override async Task WriteAsync(AssetDescription asset, IReadOnlyList<SeriesRow> rows)
        {
            foreach (var r in rows)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{Time(r.Time)},{r.Open:R},{r.High:R},{r.Low:R},{r.Close:R},{r.AdjClose:R},{r.Volume:R},{r.Dividends:R},{r.StockSplits:R}"));
        }

        public override Task EndAsync() => Task.CompletedTask;
    }

    private sealed class Json(TextWriter output) : FetchRowWriter
    {
        private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
        private bool _first = true;

        public override Task BeginAsync() => output.WriteAsync("[");

        public override async Task WriteAsync(AssetDescription asset, IReadOnlyList<SeriesRow> rows)
        {
            foreach (var row in rows)
            {
                await output.WriteAsync(_first ? "\n" : ",\n");
                _first = false;
                await output.WriteAsync(JsonSerializer.Serialize(row, Options));
            }
        }

        public override Task EndAsync() => output.WriteLineAsync("\n]");
    }
}
