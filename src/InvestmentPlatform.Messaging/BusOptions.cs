namespace InvestmentPlatform.Messaging;

public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>InMemory (embedded default) or RabbitMq (distributed).</summary>
    public string Transport { get; set; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Prefix for queue names so several platforms can share one broker.</summary>
    public string? EndpointPrefix { get; set; }
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
