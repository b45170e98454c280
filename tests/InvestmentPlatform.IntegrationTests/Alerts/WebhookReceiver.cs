using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace InvestmentPlatform.IntegrationTests.Alerts;

/// <summary>
/// A loopback HTTP server standing in for a user's webhook endpoint: it answers 500 to the first
/// <paramref name="failures"/> requests, then 200 to each request whose signature verifies with the secret.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _secret;
    private int _failuresLeft;
    private readonly Task _loop;

    public WebhookReceiver(string secret, int failures)
    {
        _secret = secret;
        _failuresLeft = failures;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<string> Accepted { get; } = new();
    public int Requests => _requests;
    private int _requests;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var timestamp = context.Request.Headers["X-Alert-Timestamp"] ?? "";
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                context.Response.StatusCode = 500;
            else if (context.Request.Headers["X-Alert-Signature"] != expected)
                context.Response.StatusCode = 401;
            else
            {
                Accepted.Enqueue(body);
                context.Response.StatusCode = 200;
            }
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
