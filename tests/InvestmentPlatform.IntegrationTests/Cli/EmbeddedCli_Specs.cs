using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Cli;

/// <summary>collect and query as separate CLI processes, embedded (in-memory bus) on a real PostgreSQL database.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_collecting_and_querying_from_the_command_line : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Dictionary<string, string?> _env = null!;

    public async Task InitializeAsync()
    {
        _database = await TestServices.CreateDatabaseAsync();
        _env = new Dictionary<string, string?> { ["ConnectionStrings__Platform"] = _database.ConnectionString };
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // Ten weekdays, of which New Year's Day is an exchange holiday: nine daily bars.
    private static readonly string[] Range = ["--from", "2024-01-01", "--to", "2024-01-15"];

    [Fact]
    public async Task Should_collect_each_symbol_and_print_a_summary_line_for_it()
    {
        var collect = await CliProcess.RunAsync(_env, ["collect", "--source", "synthetic", "--symbol", "CLIA,CLIB", "--asset-type", "stock", .. Range]);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Matches(@"^request [0-9a-f-]{36}: succeeded in ", collect.OutputLines[0]);
        Assert.Matches(@"^symbol\s+status\s+collected\s+loaded\s+rejected\s+error$", collect.OutputLines[1]);
        Assert.Matches(@"^CLIA\s+succeeded\s+9\s+9\s+0$", collect.OutputLines[2]);
        Assert.Matches(@"^CLIB\s+succeeded\s+9\s+9\s+0$", collect.OutputLines[3]);
        Assert.Equal(4, collect.OutputLines.Length);
        Assert.Matches(@"^(\d+)/\1 chunks, 18 rows loaded$", collect.ErrorLines[^1]);
    }

    [Fact]
    public async Task Should_query_the_stored_rows_as_csv_and_as_json()
    {
        var collect = await CliProcess.RunAsync(_env, ["collect", "--source", "synthetic", "--symbol", "CLIQ", "--asset-type", "stock", "--seed", "7", .. Range]);
        Assert.True(collect.ExitCode == 0, collect.ToString());

        var csv = await CliProcess.RunAsync(_env, ["query", "--symbol", "CLIQ", .. Range]);
        var json = await CliProcess.RunAsync(_env, ["query", "--symbol", "CLIQ", "--format", "json", .. Range]);

        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.Equal("time,open,high,low,close,adj_close,volume", csv.OutputLines[0]);
        Assert.Equal(10, csv.OutputLines.Length);
        Assert.StartsWith("2024-01-02T00:00:00Z,", csv.OutputLines[1]);
        Assert.Equal("9 rows of CLIQ (stock, 1d)", Assert.Single(csv.ErrorLines));

        Assert.True(json.ExitCode == 0, json.ToString());
        var rows = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(9, rows.GetArrayLength());
        Assert.Equal("2024-01-02T00:00:00Z", rows[0].GetProperty("time").GetString());
        Assert.Equal(csv.OutputLines[1].Split(',')[4], rows[0].GetProperty("close").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The API's <c>to</c> includes its instant, and so does the CLI's: a one-day range is that day's bar.</summary>
    [Fact]
    public async Task Should_include_the_bar_at_to_as_the_api_does()
    {
        var collect = await CliProcess.RunAsync(_env, ["collect", "--source", "synthetic", "--symbol", "CLIT", "--asset-type", "stock", .. Range]);
        Assert.True(collect.ExitCode == 0, collect.ToString());

        var day = await CliProcess.RunAsync(_env, ["query", "--symbol", "CLIT", "--from", "2024-01-05", "--to", "2024-01-05"]);
        var week = await CliProcess.RunAsync(_env, ["query", "--symbol", "CLIT", "--from", "2024-01-08", "--to", "2024-01-12"]);

        Assert.True(day.ExitCode == 0, day.ToString());
        Assert.Equal(2, day.OutputLines.Length);
        Assert.StartsWith("2024-01-05T00:00:00Z,", day.OutputLines[1]);
        Assert.Equal(6, week.OutputLines.Length);
        Assert.StartsWith("2024-01-12T00:00:00Z,", week.OutputLines[^1]);
    }

    [Fact]
    public async Task Should_exit_1_when_a_symbol_fails_and_name_its_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"ip-cli-missing-{Guid.NewGuid():N}.csv");

        var collect = await CliProcess.RunAsync(
            new Dictionary<string, string?>(_env) { ["Imports__Directory"] = Path.GetTempPath() },
            ["collect", "--source", "csv", "--symbol", "CLIF", "--file", missing, .. Range]);

        Assert.True(collect.ExitCode == 1, collect.ToString());
        Assert.Matches(@"^request [0-9a-f-]{36}: failed in ", collect.OutputLines[0]);
        Assert.Matches(@"^CLIF\s+failed\s+0\s+0\s+0\s+\w+: ", collect.OutputLines[2]);
        Assert.DoesNotContain(collect.ErrorLines, l => l.Contains("R-FAULT") || l.Contains(" at InvestmentPlatform."));
    }

    [Fact]
    public async Task Should_refuse_a_range_the_platform_does_not_accept_with_exit_code_2()
    {
        var collect = await CliProcess.RunAsync(_env, ["collect", "--source", "synthetic", "--symbol", "CLIR", "--from", "1800-01-01", "--to", "2024-01-01"]);

        Assert.True(collect.ExitCode == 2, collect.ToString());
        Assert.Empty(collect.Output);
        Assert.StartsWith("error: from must be between 1900-01-01 and one day from now", Assert.Single(collect.ErrorLines));
    }

    [Fact]
    public async Task Should_exit_1_when_querying_a_symbol_never_collected()
    {
        var query = await CliProcess.RunAsync(_env, ["query", "--symbol", "NEVER", .. Range]);

        Assert.Equal(1, query.ExitCode);
        Assert.Empty(query.Output);
        Assert.Equal("error: no stored asset 'NEVER': collect it first", Assert.Single(query.ErrorLines));
    }
}
