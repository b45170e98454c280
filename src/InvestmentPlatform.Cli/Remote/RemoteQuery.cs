using System.Globalization;
using System.Text.Json;
using InvestmentPlatform.Cli.Commands;

namespace InvestmentPlatform.Cli.Remote;

/// <summary>query through a remote platform: its stored bars, unadjusted, printed as embedded prints them.</summary>
internal static class RemoteQuery
{
    public static async Task<(IReadOnlyList<QueryCommand.Row> Rows, string AssetType)> ReadAsync(
        RemotePlatform remote, string symbol, string interval, DateTime from, DateTime to, CancellationToken ct)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"interval={Uri.EscapeDataString(interval)}&from={from:yyyy-MM-ddTHH:mm:ssZ}&to={to:yyyy-MM-ddTHH:mm:ssZ}&adjust=raw&format=json");
        var body = await remote.GetAsync($"api/market-data/{Uri.EscapeDataString(symbol)}/bars?{query}", ct);
        var rows = body.GetProperty("bars").EnumerateArray().Select(b => new QueryCommand.Row(
            b.GetProperty("time").GetDateTime().ToUniversalTime(), b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(),
            b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble(), Nullable(b, "adjClose"), Nullable(b, "volume"))).ToList();
        return (rows, body.GetProperty("assetType").GetString() ?? "");
    }

    private static double? Nullable(JsonElement bar, string name) =>
        bar.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
