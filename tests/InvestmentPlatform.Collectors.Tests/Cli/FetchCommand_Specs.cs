using System.Text.Json;
using InvestmentPlatform.Collectors.Imports;
using InvestmentPlatform.Collectors.Tests.Infrastructure;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.CollectorTestExtensions;
using static InvestmentPlatform.Collectors.Tests.Infrastructure.Payloads;

namespace InvestmentPlatform.Collectors.Tests.Cli;

public sealed class When_running_fetch_from_the_command_line : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private Dictionary<string, string> _env = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _env = new Dictionary<string, string>
        {
            ["Sources__Yahoo__BaseUrl"] = _server.Url,
            ["Sources__Coinbase__BaseUrl"] = _server.Url,
            ["Sources__Fred__BaseUrl"] = _server.Url,
            ["Sources__Yahoo__RetryBaseDelay"] = "00:00:00.010",
            ["Sources__Fred__RetryBaseDelay"] = "00:00:00.010",
            ["Sources__Coinbase__RetryBaseDelay"] = "00:00:00.010",
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Should_print_synthetic_rows_as_csv_and_a_summary_on_stderr()
    {
        var result = await CliProcess.RunAsync(null, "fetch", "--source", "synthetic", "--symbol", "MSFT", "--from", "2024-01-01", "--to", "2024-01-15");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("time,open,high,low,close,adj_close,volume,dividends,stock_splits", result.OutputLines[0]);
        Assert.Equal(10, result.OutputLines.Length); // a header and 9 rows: 10 weekdays, New Year's Day closed
        Assert.StartsWith("2024-01-02T00:00:00Z,", result.OutputLines[1]);
        Assert.Contains("9 rows of MSFT (stock, USD, synthetic) from synthetic, 0 rejected", result.Errors);
    }

    [Fact]
    public async Task Should_print_json_when_asked()
    {
        var result = await CliProcess.RunAsync(null, "fetch", "--source", "synthetic", "--symbol", "BTC-USD", "--interval", "1h",
            "--from", "2024-01-01", "--to", "2024-01-02", "--format", "json", "--seed", "7");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(24, rows.GetArrayLength());
        Assert.Equal("2024-01-01T23:00:00Z", rows[23].GetProperty("time").GetString());
    }

    [Fact]
    public async Task Should_import_a_csv_file_and_report_bad_lines_on_stderr()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.5,10\n2024-01-03,1,2,0.5,abc,1.5,10\n");
        try
        {
            var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["Imports__Directory"] = Path.GetDirectoryName(file)! },
                "fetch", "--source", "csv", "--symbol", "X", "--file", file, "--from", "2024-01-01", "--to", "2024-02-01");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(2, result.OutputLines.Length);
            Assert.Contains("rejected line 3 2024-01-03T00:00:00Z: close 'abc' is not a number", result.Errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Should_refuse_a_csv_file_outside_the_import_folder()
    {
        var folder = Directory.CreateTempSubdirectory("cli-imports").FullName;
        try
        {
            var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["Imports__Directory"] = folder },
                "fetch", "--source", "csv", "--symbol", "X", "--file", "/etc/passwd", "--from", "2024-01-01", "--to", "2024-02-01");

            Assert.Equal(1, result.ExitCode);
            Assert.Empty(result.Output);
            Assert.Contains(ImportFileRefused.Message, result.Errors);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Should_fetch_from_yahoo_coinbase_and_fred_doubles()
    {
        _server.Handler = (ctx, _) => (ctx.Request.Path.Value ?? "") switch
        {
            var p when p.StartsWith("/v8/finance/chart/") => Reply.Json(ctx, YahooChart("AAPL", [new(Utc(2024, 1, 2, 14, 30), 1, 2, 0.5, 1.5, 10)])),
            var p when p.StartsWith("/api/v3/brokerage/") => Reply.Json(ctx, CoinbaseCandles([new(Utc(2024, 1, 2), 1, 2, 0.5, 1.5, 3), new(Utc(2024, 1, 3), 1.5, 2, 1, 1.2, 3)])),
            "/fred/series" => Reply.Json(ctx, FredSeries("UNRATE", "Unemployment Rate", "Monthly", "Percent")),
            _ => Reply.Json(ctx, FredObservations([("2024-01-01", "3.7"), ("2024-02-01", ".")])),
        };
        var env = new Dictionary<string, string>(_env) { ["FRED_API_KEY"] = "from-env" };

        var yahoo = await CliProcess.RunAsync(env, "fetch", "--source", "yahoo", "--symbol", "AAPL", "--from", "2024-01-01", "--to", "2024-01-05");
        var coinbase = await CliProcess.RunAsync(env, "fetch", "--source", "coinbase", "--symbol", "BTC-USD", "--from", "2024-01-01", "--to", "2024-01-05");
        var fred = await CliProcess.RunAsync(env, "fetch", "--source", "fred", "--symbol", "UNRATE", "--interval", "1mo", "--from", "2024-01-01", "--to", "2024-03-01");

        Assert.Equal((0, 2), (yahoo.ExitCode, yahoo.OutputLines.Length));
        Assert.Equal((0, 3), (coinbase.ExitCode, coinbase.OutputLines.Length));
        Assert.Equal((0, 2), (fred.ExitCode, fred.OutputLines.Length));
        Assert.StartsWith("2024-01-01T00:00:00Z,3.7,3.7,3.7,3.7,", fred.OutputLines[1]);
        Assert.Contains("from-env", _server.Hits.Where(h => h.Path.StartsWith("/fred")).Select(h => h.Query["api_key"].ToString()));
        Assert.Contains("(economic_indicator)", fred.Errors);
    }

    [Fact]
    public async Task Should_exit_non_zero_with_the_providers_reason_for_an_unknown_symbol()
    {
        _server.Handler = (ctx, _) => Reply.Json(ctx, YahooError("Not Found", "No data found, symbol may be delisted"), 404);

        var result = await CliProcess.RunAsync(_env, "fetch", "--source", "yahoo", "--symbol", "NOPE", "--from", "2024-01-01", "--to", "2024-01-05");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal("error (NotFound): yahoo: Not Found: No data found, symbol may be delisted", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Should_exit_non_zero_for_a_bad_fred_key()
    {
        _server.Handler = (ctx, _) => Reply.Json(ctx, FredError(400, "Bad Request.  The value for variable api_key is not registered."), 400);
        var env = new Dictionary<string, string>(_env) { ["Sources__Fred__ApiKey"] = "wrong" };

        var result = await CliProcess.RunAsync(env, "fetch", "--source", "fred", "--symbol", "DGS10", "--from", "2024-01-01", "--to", "2024-01-05");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error (Authentication): fred: Bad Request.  The value for variable api_key is not registered.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Should_exit_non_zero_when_the_source_is_unreachable()
    {
        var env = new Dictionary<string, string>(_env) { ["Sources__Coinbase__BaseUrl"] = "http://127.0.0.1:9", ["Sources__Coinbase__MaxRetries"] = "0" };

        var result = await CliProcess.RunAsync(env, "fetch", "--source", "coinbase", "--symbol", "BTC-USD", "--from", "2024-01-01", "--to", "2024-01-05");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error (Transient): coinbase: unreachable:", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Should_exit_with_a_configuration_error_naming_the_setting()
    {
        var env = new Dictionary<string, string> { ["Sources__Yahoo__BaseUrl"] = "not a url" };

        var result = await CliProcess.RunAsync(env, "fetch", "--source", "yahoo", "--symbol", "AAPL", "--from", "2024-01-01", "--to", "2024-01-05");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("configuration error: Sources__Yahoo__BaseUrl must be an absolute URL", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("error: --from '2024-13-45' is not a date", "fetch", "--source", "synthetic", "--symbol", "X", "--from", "2024-13-45", "--to", "2024-02-01")]
    [InlineData("error: --from (2024-02-01 00:00) must be before --to", "fetch", "--source", "synthetic", "--symbol", "X", "--from", "2024-02-01", "--to", "2024-01-01")]
    [InlineData("error: unknown source 'bloomberg'", "fetch", "--source", "bloomberg", "--symbol", "X", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error: option --symbol is required", "fetch", "--source", "synthetic", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error: --interval '2h' is not one of", "fetch", "--source", "synthetic", "--symbol", "X", "--interval", "2h", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error: unknown option --form", "fetch", "--source", "synthetic", "--symbol", "X", "--form", "2024-01-01", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error: unknown command 'fetc'", "fetc")]
    [InlineData("error (BadRequest): coinbase: interval '1wk' is not served", "fetch", "--source", "coinbase", "--symbol", "BTC-USD", "--interval", "1wk", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error (BadRequest): csv: option 'upload' (an upload) or 'file' (command line) is required", "fetch", "--source", "csv", "--symbol", "X", "--from", "2024-01-01", "--to", "2024-02-01")]
    public async Task Should_reject_bad_input_with_one_line_and_a_non_zero_exit(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(null, args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith(expected, Assert.Single(result.ErrorLines));
        Assert.Empty(result.Output);
    }
}
