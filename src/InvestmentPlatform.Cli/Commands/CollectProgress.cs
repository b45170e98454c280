using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Ingestion;
using Spectre.Console;

namespace InvestmentPlatform.Cli.Commands;

/// <summary>Follows a collection request to its end with a live progress bar on standard error.</summary>
internal static class CollectProgress
{
    /// <summary>Where the request stands: read from the database when embedded, from the API when remote.</summary>
    public sealed record Snapshot(string Status, int ChunksDone, int ChunksTotal, long RecordsLoaded)
    {
        public bool Finished => Status is not (IngestionStatuses.Pending or IngestionStatuses.Running);
    }

    /// <summary>Reads the request every <paramref name="every"/> until it is finished; returns its last state.</summary>
    public static async Task<Snapshot> FollowAsync(Func<CancellationToken, Task<Snapshot>> read, TimeSpan every, CancellationToken ct)
    {
        // Spectre draws a live bar on a terminal and prints milestones (25 %, 50 %, …) when standard error is redirected.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var progress = console.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left });
        var last = await progress.StartAsync(async context =>
        {
            var task = context.AddTask("waiting for the plan", maxValue: 1);
            while (true)
            {
                var snapshot = await read(ct);
                // Until the request is planned it has no chunks: the bar cannot say how far it is.
                task.IsIndeterminate = snapshot.ChunksTotal == 0;
                task.MaxValue = Math.Max(1, snapshot.ChunksTotal);
                task.Value = snapshot.ChunksDone;
                task.Description = Markup.Escape(Describe(snapshot));
                if (snapshot.Finished)
                {
                    task.StopTask();
                    context.Refresh();
                    return snapshot;
                }
                await Task.Delay(every, ct);
            }
        });
        // Redirected, Spectre prints milestones only and never a finished task: the log still gets where it ended.
        if (!console.Profile.Capabilities.Interactive)
            console.WriteLine(Describe(last));
        return last;
    }

    private static string Describe(Snapshot snapshot) =>
        $"{snapshot.ChunksDone}/{snapshot.ChunksTotal} chunks, {snapshot.RecordsLoaded:N0} rows loaded";
}
