using System.Net;
using System.Net.Sockets;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ node of the test's own (name, ports, data folder), that the test may stop and start: the shared test
/// broker stays up for everyone else. Its data folder survives a stop, so durable queues and messages come back.
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Dictionary<string, string> _environment;

    public ServiceEndpoints Endpoints { get; }

    private PrivateRabbitMq(string directory, int port)
    {
        _directory = directory;
        _environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = $"ip-private-{port}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = (port + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "node.pid"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        };
        Endpoints = new ServiceEndpoints("", "127.0.0.1", (ushort)port, "/", "guest", "guest");
    }

    public static async Task<PrivateRabbitMq> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("ip-private-rabbitmq-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "log"));
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"), "");
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq-env.conf"), "");
        await ServiceCommand.ChownAsync("rabbitmq", directory);
        var node = new PrivateRabbitMq(directory, FreePortPair());
        await node.StartNodeAsync();
        return node;
    }

    public async Task StartNodeAsync()
    {
        await ServiceCommand.RunAsync("rabbitmq-server", ["-detached"], _environment);
        // await_startup needs the node to answer at all; -detached returns before it does.
        for (var i = 0; i < 60; i++)
        {
            try
            {
                await ServiceCommand.RunAsync("rabbitmqctl", ["-q", "await_startup", "--timeout", "120"], _environment);
                return;
            }
            catch (InvalidOperationException) when (i < 59)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>
    /// Drops every client at once, then shuts the node down. A bare shutdown takes seconds while clients keep working,
    /// long enough for a drill's load to finish before the broker is gone.
    /// </summary>
    public async Task StopNodeAsync()
    {
        await ServiceCommand.RunAsync("rabbitmqctl", ["-q", "suspend_listeners"], _environment);
        await ServiceCommand.RunAsync("rabbitmqctl", ["-q", "close_all_connections", "the broker is stopping"], _environment);
        await ServiceCommand.RunAsync("rabbitmqctl", ["-q", "shutdown"], _environment);
    }

    /// <summary>Each queue with its ready messages and consumers, for a drill that failed.</summary>
    public Task<string> ListQueuesAsync() =>
        ServiceCommand.RunAsync("rabbitmqctl", ["-q", "list_queues", "name", "messages", "consumers"], _environment);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopNodeAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        await ScratchFolder.DeleteAsync(_directory);
    }

    /// <summary>A free port whose successor is free too: the node listens on both (AMQP and distribution).</summary>
    private static int FreePortPair()
    {
        while (true)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                using var second = new TcpListener(IPAddress.Loopback, port + 1);
                second.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
