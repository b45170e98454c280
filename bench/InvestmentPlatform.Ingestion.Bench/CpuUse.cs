using InvestmentPlatform.ScaleOut.Bench;

namespace InvestmentPlatform.Ingestion.Bench;

/// <summary>
/// CPU seconds a phase used, by whom: this process (the platform with every role, and the benchmark), PostgreSQL,
/// RabbitMQ and the whole machine. On a saturated 2-core machine these say why one way of loading is slower than another.
/// </summary>
public sealed record CpuUse(double Platform, double Postgres, double RabbitMq, double Machine)
{
    public static CpuUse Now()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new(self.TotalProcessorTime.TotalSeconds, CpuTime.OfCommands("postgres"), CpuTime.OfCommands("beam.smp"), CpuTime.Machine());
    }

    public static CpuUse operator -(CpuUse a, CpuUse b) =>
        new(a.Platform - b.Platform, a.Postgres - b.Postgres, a.RabbitMq - b.RabbitMq, a.Machine - b.Machine);

    public static CpuUse operator +(CpuUse a, CpuUse b) =>
        new(a.Platform + b.Platform, a.Postgres + b.Postgres, a.RabbitMq + b.RabbitMq, a.Machine + b.Machine);

    public CpuUse Per(double factor) => new(Platform * factor, Postgres * factor, RabbitMq * factor, Machine * factor);

    public override string ToString() =>
        $"platform {Platform,5:F1} s, PostgreSQL {Postgres,5:F1} s, RabbitMQ {RabbitMq,4:F1} s, machine {Machine,5:F1} s";
}
