using System.Text.Json.Serialization;

namespace InvestmentPlatform.Contracts.Ingestion;

/// <summary>Why a collection failed. <see cref="ErrorClassExtensions.IsRetryable"/> says which are tried again.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ErrorClass>))]
public enum ErrorClass
{
    /// <summary>Network error, timeout or 5xx: worth retrying.</summary>
    Transient,
    /// <summary>The provider answered 429 or an equivalent quota message.</summary>
    RateLimited,
    /// <summary>Missing or rejected credentials (for example a bad FRED API key).</summary>
    Authentication,
    /// <summary>Unknown symbol, product or series.</summary>
    NotFound,
    /// <summary>The provider rejected the request parameters.</summary>
    BadRequest,
    /// <summary>The response could not be parsed or failed validation.</summary>
    BadPayload,
    /// <summary>The work did not finish within its time limit.</summary>
    Timeout,
}
