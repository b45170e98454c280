using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Api;

[Collection(IntegrationCollection.Name)]
public sealed class When_collectors_are_listed : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_describe_every_registered_source()
    {
        var sources = await _host.Client.GetFromJsonAsync<JsonElement>("/api/collectors");
        var test = sources.EnumerateArray().Single(s => s.GetProperty("name").GetString() == ApiHost.TestSource);
        Assert.Equal("API test source", test.GetProperty("displayName").GetString());
        Assert.Contains("crypto", test.GetProperty("assetTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["1m", "1d"], test.GetProperty("intervals").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(30, test.GetProperty("historyLimitDays").GetProperty("1m").GetInt32());
        Assert.Equal(JsonValueKind.Null, test.GetProperty("historyLimitDays").GetProperty("1d").ValueKind);
        Assert.Equal(7, test.GetProperty("maxWindowDays").GetProperty("1m").GetInt32());
        var parameter = Assert.Single(test.GetProperty("parameters").EnumerateArray());
        Assert.Equal("seed", parameter.GetProperty("name").GetString());
        Assert.False(parameter.GetProperty("required").GetBoolean());
        Assert.False(test.GetProperty("isSynthetic").GetBoolean());
    }
}
