using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Posts a signed JSON body. The target's addresses are checked when the connection is made, after DNS, so a name
/// that resolves (or re-resolves) to a private address is refused as well as a literal one.
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
            var allowed = addresses.Where(a => options.Value.AllowPrivateTargets || !IsPrivate(a)).ToList();
            if (allowed.Count == 0)
                throw new WebhookRefusedException($"{context.DnsEndPoint.Host} is a loopback, private or link-local address.");
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

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] is 10 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
               || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}

/// <summary>The webhook's target is not allowed: retrying would not change that.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
