using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Ingestion.Requests;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Cli.CommandLine;

/// <summary>Finds the command named by the first argument and runs it, turning failures into one line and an exit code.</summary>
public sealed class CommandSet(string program)
{
    private readonly Dictionary<string, ICliCommand> _commands = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ICliCommand command) => _commands.Add(command.Name, command);

    public async Task<int> RunAsync(string[] args)
    {
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        var errors = Console.Error;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                await errors.WriteLineAsync(Help());
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Success;
            }
            if (!_commands.TryGetValue(args[0], out var command))
                throw new CliUsageException($"unknown command '{args[0]}': use one of {string.Join(", ", _commands.Keys)}");
            var arguments = new CliArguments(args[1..]);
            if (arguments.Help)
            {
                await errors.WriteLineAsync($"{program} {command.Name}: {command.Summary}\n{command.Usage}");
                return ExitCodes.Success;
            }
            return await command.RunAsync(arguments, output, errors, cancel.Token);
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
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await errors.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
        finally
        {
            await output.FlushAsync();
        }
    }

    private string Help() =>
        $"usage: {program} <command> [options]\ncommands:\n" +
        string.Join("\n", _commands.Values.Select(c => $"  {c.Name,-10} {c.Summary}")) +
        $"\nrun '{program} <command> --help' for its options";
}
