using System.Net;
using System.Text.Json;

namespace InvestmentPlatform.IntegrationTests.Api;

internal static class ProblemAssert
{
    /// <summary>Asserts a ProblemDetails answer with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        if (field is not null)
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}' in {text}");
        return body;
    }
}
