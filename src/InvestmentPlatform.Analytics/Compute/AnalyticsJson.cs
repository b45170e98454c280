using System.Text.Json;
using System.Text.Json.Serialization;

namespace InvestmentPlatform.Analytics.Compute;

/// <summary>How stored parameters and results are written: the API's JSON shape (camelCase).</summary>
public static class AnalyticsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new ApiDoubleConverter() },
    };
}
