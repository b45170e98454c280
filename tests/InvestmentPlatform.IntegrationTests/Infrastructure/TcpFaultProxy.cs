using System.Net;
using System.Net.Sockets;

namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A loopback TCP relay between the platform's processes and a service, which a drill can cut at a known instant:
/// every open connection is reset and new ones are refused until it is restored. Stopping the service itself takes
/// seconds, during which its clients keep working.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();

    public int Port { get; }

    public TcpFaultProxy(int target)
    {
        _target = target;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Restore();
    }

    /// <summary>Resets every relayed connection and refuses new ones.</summary>
    public void Cut()
    {
        _accepting.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
            _open.Clear();
        }
    }

    public void Restore()
    {
        _accepting = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (IsClosed(ex))
            {
                return;
            }
            _ = RelayAsync(inbound, ct);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken ct)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _target, ct);
            await Task.WhenAny(PumpAsync(inbound, outbound, ct), PumpAsync(outbound, inbound, ct));
        }
        catch (Exception ex) when (IsClosed(ex))
        {
            // Cut before the service answered.
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    /// <summary>Copies one way until either side goes away; then the relay closes both.</summary>
    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception ex) when (IsClosed(ex))
        {
        }
    }

    private static bool IsClosed(Exception ex) =>
        ex is OperationCanceledException or SocketException or IOException or ObjectDisposedException or InvalidOperationException;

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
