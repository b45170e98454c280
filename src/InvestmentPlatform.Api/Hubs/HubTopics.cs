using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data.Assets;

namespace InvestmentPlatform.Api.Hubs;

/// <summary>Topics clients subscribe to: all, job:{jobId}, request:{requestId}, asset:{symbol}, assetType:{type}.</summary>
public static class HubTopics
{
    public const string All = "all";

    /// <summary>The longest topic there is ("request:" and a Guid is 44 characters); anything longer is refused unread.</summary>
    public const int MaxLength = 64;

    public static string Job(Guid id) => $"job:{id}";
    public static string Request(Guid id) => $"request:{id}";
    public static string AssetType(string type) => $"assetType:{type}";

    /// <summary>One symbol's topic; symbols match whatever their case.</summary>
    public static string Asset(string symbol) => $"asset:{symbol.Trim().ToUpperInvariant()}";

    /// <returns>The topic in canonical form, or null when it is not one of the five kinds.</returns>
    public static string? Normalize(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Length > MaxLength)
            return null;
        var t = topic.Trim();
        if (t.Equals(All, StringComparison.OrdinalIgnoreCase))
            return All;
        var colon = t.IndexOf(':');
        if (colon <= 0)
            return null;
        var (kind, value) = (t[..colon].ToLowerInvariant(), t[(colon + 1)..]);
        return kind switch
        {
            "job" when Guid.TryParse(value, out var job) => Job(job),
            "request" when Guid.TryParse(value, out var request) => Request(request),
            "assettype" when AssetTypes.IsKnown(value) => AssetType(value),
            "asset" when value.Trim() is { Length: > 0 } symbol && symbol.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '=' or '^' or '_' or '/') => Asset(symbol),
            _ => null,
        };
    }
}
