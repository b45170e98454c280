using System.Net;
using System.Net.Sockets;

namespace InvestmentPlatform.Alerts.Delivery;

/// <summary>
/// Where a webhook may point (<see cref="DeliveryOptions"/>), judged the same way when a channel is saved and again on
/// every connection, after DNS: a name that resolves (or re-resolves) to a private address, or a channel saved before
/// the allowed targets were narrowed, is refused there.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Why <paramref name="host"/> at <paramref name="address"/> (null: not resolved yet) is refused; null when it is allowed.</summary>
    public static string? Refusal(DeliveryOptions options, string host, IPAddress? address)
    {
        if (!options.AllowPrivateTargets && (address is not null ? IsPrivate(address) : IsLoopbackName(host)))
            return $"{host} is a loopback, private or link-local address: webhooks may not target the platform's own network.";
        if (options.AllowedTargets.Count > 0 && !options.AllowedTargets.Any(t => Admits(t.Trim(), host, address)))
            return $"{host} is not among the allowed webhook targets (Alerts:Delivery:AllowedTargets).";
        return null;
    }

    /// <summary>A host name target admits that name (or, as "*.example.com", its subdomains); a network admits its addresses.</summary>
    private static bool Admits(string target, string host, IPAddress? address)
    {
        if (target.Contains('/'))
            return address is not null && IPNetwork.TryParse(target, out var network) && network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        if (target.StartsWith("*.", StringComparison.Ordinal))
            return host.EndsWith(target[1..], StringComparison.OrdinalIgnoreCase);
        return string.Equals(target, host, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

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
