using System.Globalization;

namespace InvestmentPlatform.ScaleOut.Bench;

/// <summary>CPU seconds used so far by processes, read from /proc: to say which part of the machine the load used.</summary>
public static class CpuTime
{
    // /proc/<pid>/stat counts in clock ticks, 100 a second on Linux.
    private const double TicksPerSecond = 100;

    public static double OfProcess(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces; the fields after its closing parenthesis are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0; // exited
        }
    }

    /// <summary>All processes whose command name is one of <paramref name="names"/> (postgres, beam.smp).</summary>
    public static double OfCommands(params string[] names)
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                if (names.Contains(comm))
                    total += OfProcess(pid);
            }
            catch (IOException)
            {
            }
        }
        return total;
    }

    public static double Machine()
    {
        // The first line of /proc/stat: user nice system idle iowait irq softirq steal … in ticks over all cores.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        var values = fields.Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = values[..8].Sum() - values[3] - values[4]; // guest time is already in user
        return busy / TicksPerSecond;
    }
}
