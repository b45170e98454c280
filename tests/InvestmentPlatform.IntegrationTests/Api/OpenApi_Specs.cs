using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Api;

[Collection(IntegrationCollection.Name)]
public sealed class When_the_OpenAPI_document_is_read(SqliteApiHost host) : IClassFixture<SqliteApiHost>
{
    private const string DocumentRoute = "/docs/v1/openapi.json";

    /// <summary>
    /// The dashboard's types are generated from this file (and its component tests hold openapi.gen.ts to it), so it
    /// must be what the host serves today.
    /// </summary>
    private static readonly string Committed = Path.Combine(RepositoryRoot.Path, "frontend", "openapi", "openapi.json");

    private readonly ApiHost _host = host.Host;

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
        var doc = await _host.Client.GetFromJsonAsync<JsonElement>(DocumentRoute);
        var operation = doc.GetProperty("paths").GetProperty(path).GetProperty(method);
        var success = operation.GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2')).Value;
        var example = success.GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.NotEqual(JsonValueKind.Null, example.ValueKind);
        if (method is "post" or "put")
            Assert.Equal("AAPL", operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
                .GetProperty("example").GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task Should_be_the_document_committed_for_the_dashboard()
    {
        var live = Normalised(JsonNode.Parse(await _host.Client.GetStringAsync(DocumentRoute)));
        var committed = Normalised(JsonNode.Parse(await File.ReadAllTextAsync(Committed)));
        Assert.True(JsonNode.DeepEquals(live, committed),
            $"{Committed} differs from the host's {DocumentRoute} ({FirstDifference(committed, live, "$")}). Run the host and " +
            "`cd frontend && npm run openapi:refresh` (IP_API_KEY set to an admin key), then commit openapi.json and src/api/openapi.gen.ts.");
    }

    /// <summary>Key order carries no meaning in JSON; sorting keys keeps a reordered dictionary from failing the spec.</summary>
    private static JsonNode? Normalised(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalised(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Normalised).ToArray()),
        _ => node?.DeepClone(),
    };

    /// <summary>The JSON path of the first place the two documents part, so the failure says where to look.</summary>
    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key)) return $"{path}.{key} only in the served document";
                    if (!a.ContainsKey(key)) return $"{path}.{key} only in the committed document";
                    if (!JsonNode.DeepEquals(e[key], a[key])) return FirstDifference(e[key], a[key], $"{path}.{key}");
                }
                return path;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                    if (!JsonNode.DeepEquals(e[i], a[i])) return FirstDifference(e[i], a[i], $"{path}[{i}]");
                return path;
            default:
                return $"{path}: committed {Text(expected)}, served {Text(actual)}";
        }
    }

    private static string Text(JsonNode? node)
    {
        var text = node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
