using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Api;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_OpenAPI_document_is_read : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/assets", "get")]
    [InlineData("/api/assets", "post")]
    [InlineData("/api/assets/{symbol}", "get")]
    [InlineData("/api/assets/{symbol}", "put")]
    [InlineData("/api/assets/{symbol}/coverage", "get")]
    [InlineData("/api/assets/{symbol}/collections", "get")]
    [InlineData("/api/collectors", "get")]
    [InlineData("/api/market-data/{symbol}/bars", "get")]
    [InlineData("/api/market-data/{symbol}/latest", "get")]
    [InlineData("/api/market-data/watchlist", "get")]
    public async Task Should_show_an_example_answer_for_the_endpoint(string path, string method)
    {
        var doc = await _host.Client.GetFromJsonAsync<JsonElement>("/docs/v1/openapi.json");
        var operation = doc.GetProperty("paths").GetProperty(path).GetProperty(method);
        var success = operation.GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2')).Value;
        var example = success.GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.NotEqual(JsonValueKind.Null, example.ValueKind);
        if (method is "post" or "put")
            Assert.Equal("AAPL", operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
                .GetProperty("example").GetProperty("symbol").GetString());
    }
}
