namespace InvestmentPlatform.Messaging;

public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>InMemory (embedded default) or RabbitMq (distributed).</summary>
    public string Transport { get; set; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Prefix for queue names so several platforms can share one broker.</summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>MassTransit reports usage to its vendor unless told not to; a self-hosted platform stays quiet by default.</summary>
    public bool UsageTelemetry { get; set; }

    /// <summary>
    /// How long the bus may take to stop. It must end inside the host's shutdown timeout (30 s by default), so a process
    /// stopped while an endpoint is still connecting, or while the broker is unreachable, still exits.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
