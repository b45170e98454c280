using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace InvestmentPlatform.IntegrationTests.Resilience;

public sealed record DrillResult(string Drill, string Terminal, TimeSpan Recovery, long RowsLost, long Duplicates, long Stuck, int ServerErrors);

/// <summary>The drills' outcomes, printed as one table.</summary>
public sealed class DrillLog
{
    private readonly ConcurrentQueue<DrillResult> _results = new();

    public void Add(DrillResult result) => _results.Enqueue(result);

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| drill | terminal | recovery | rows lost | duplicates | stuck | 5xx other than 503 |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in _results)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Drill} | {r.Terminal} | {r.Recovery.TotalSeconds:0.0} s | {r.RowsLost} | {r.Duplicates} | {r.Stuck} | {r.ServerErrors} |");
        return text.ToString();
    }
}
