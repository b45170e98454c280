using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Cli;

/// <summary>collect and query refuse a bad command line before touching any data: one line, exit code 2, nothing on standard output.</summary>
public sealed class When_collect_or_query_is_given_bad_input
{
    [Theory]
    [InlineData("error: unknown option --form", "collect", "--source", "synthetic", "--symbol", "X", "--form", "2024-01-01")]
    [InlineData("error: --from '2024-13-45' is not a date: use yyyy-MM-dd or an ISO 8601 time", "collect", "--source", "synthetic", "--symbol", "X", "--from", "2024-13-45")]
    [InlineData("error: --mode 'full' is not one of batch, incremental", "collect", "--source", "synthetic", "--symbol", "X", "--mode", "full")]
    [InlineData("error: option --source is required", "collect", "--symbol", "X")]
    [InlineData("error: option --source is given twice", "collect", "--source", "synthetic", "--source", "csv", "--symbol", "X")]
    [InlineData("error: option --symbol needs a value", "collect", "--source", "synthetic", "--symbol", "--mode", "batch")]
    [InlineData("error: unknown option --sumbol", "query", "--sumbol", "X", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error: --to 'yesterday' is not a date", "query", "--symbol", "X", "--from", "2024-01-01", "--to", "yesterday")]
    [InlineData("error: --from (2024-02-01 00:00) must not be after --to (2024-01-01 00:00)", "query", "--symbol", "X", "--from", "2024-02-01", "--to", "2024-01-01")]
    [InlineData("error: --format 'xml' is not one of csv, json", "query", "--symbol", "X", "--from", "2024-01-01", "--to", "2024-02-01", "--format", "xml")]
    [InlineData("error: option --symbol is required", "query", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error: option --to needs a value", "query", "--symbol", "X", "--from", "2024-01-01", "--to")]
    [InlineData("error: --host 'ftp://x' is not an http or https URL", "query", "--host", "ftp://x", "--api-key", "k", "--symbol", "X", "--from", "2024-01-01", "--to", "2024-02-01")]
    [InlineData("error: unknown command 'qeury': use one of fetch, collect, query", "qeury", "--symbol", "X")]
    public async Task Should_say_what_is_wrong_in_one_line_and_exit_2(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string?>(), args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(expected, Assert.Single(result.ErrorLines));
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("collect", "--mode <batch|incremental>")]
    [InlineData("query", "--format <csv|json>")]
    public async Task Should_list_the_options_on_help(string command, string option)
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string?>(), command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(option, result.Output);
        Assert.Contains("--host", result.Output);
    }
}
