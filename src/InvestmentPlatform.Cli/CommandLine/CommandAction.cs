using System.CommandLine;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>Runs a command's work and turns each kind of failure into one line on standard error and its exit code.</summary>
internal static class CommandAction
{
    /// <summary>A command's work: rows and reports to <paramref name="output"/>, progress and problems to <paramref name="errors"/>.</summary>
    public delegate Task<int> Work(ParseResult parsed, TextWriter output, TextWriter errors, CancellationToken ct);

    public static void SetWork(this Command command, Work work) =>
        command.SetAction((parsed, ct) => RunAsync(parsed, work, ct));

    private static async Task<int> RunAsync(ParseResult parsed, Work work, CancellationToken ct)
    {
        // Buffered: rows are many, and a failure before the first batch leaves standard output empty.
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        var errors = Console.Error;
        try
        {
            return await work(parsed, output, errors, ct);
        }
        catch (CliUsageException ex)
        {
            await errors.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OptionsValidationException ex)
        {
            await errors.WriteLineAsync($"configuration error: {string.Join("; ", ex.Failures)}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is QuotaExceededException or Remote.RemoteFailureException)
        {
            await errors.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (CollectorException ex)
        {
            await errors.WriteLineAsync($"error ({ex.ErrorClass}): {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await errors.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
        finally
        {
            await output.FlushAsync();
        }
    }
}
