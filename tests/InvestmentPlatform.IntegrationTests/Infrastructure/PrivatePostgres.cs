using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, in a temporary folder on a free port, that the test may stop and start:
/// the shared test server stays up for everyone else.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Password=postgres;Database={database}";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d)!), CultureInfo.InvariantCulture)).First();
        var directory = Directory.CreateTempSubdirectory("ip-private-pg-").FullName;
        await ServiceCommand.ChownAsync("postgres", directory);
        await ServiceCommand.RunAsAsync("postgres", Path.Combine(bin, "initdb"), ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
        var server = new PrivatePostgres(bin, directory, FreePort());
        await server.StartServerAsync();
        return server;
    }

    public Task<string> StartServerAsync() =>
        ServiceCommand.RunAsAsync("postgres", Path.Combine(_bin, "pg_ctl"),
        [
            "-D", Path.Combine(_directory, "data"), "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
            // No synchronous_commit=off: an immediate stop would lose commits the platform was told had succeeded.
            "-o", $"-p {_port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off",
            "start",
        ]);

    /// <summary>Stops the server the hard way: every session cut, no checkpoint, crash recovery at the next start.</summary>
    public async Task StopImmediateAsync()
    {
        await ServiceCommand.RunAsAsync("postgres", Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopImmediateAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        await ScratchFolder.DeleteAsync(_directory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
