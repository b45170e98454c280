using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Posts a signed JSON body. The target's addresses are checked (<see cref="WebhookTargets"/>) when the connection is
/// made, after DNS, so a name that resolves (or re-resolves) to a private address is refused as well as a literal one.
/// </summary>
public sealed class WebhookSender(HttpClient http)
{
    public const string SignatureHeader = "X-Alert-Signature";
    public const string TimestampHeader = "X-Alert-Timestamp";

    public static HttpMessageHandler CreateHandler(IOptions<DeliveryOptions> options) => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var refusals = addresses.Select(a => (Address: a, Refusal: WebhookTargets.Refusal(options.Value, context.DnsEndPoint.Host, a))).ToList();
            var allowed = refusals.Where(r => r.Refusal is null).Select(r => r.Address).ToList();
            if (allowed.Count == 0)
                throw new WebhookRefusedException(refusals.Select(r => r.Refusal).FirstOrDefault()
                                                  ?? $"{context.DnsEndPoint.Host} has no address.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed[0], context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)).</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public async Task<HttpStatusCode> PostAsync(string url, string secret, string body, DateTimeOffset now, CancellationToken ct)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode;
    }
}

/// <summary>The webhook's target is not allowed: retrying would not change that.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
