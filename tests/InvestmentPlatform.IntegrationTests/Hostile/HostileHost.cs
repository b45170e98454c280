using InvestmentPlatform.IntegrationTests.Infrastructure;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Ingestion;

namespace InvestmentPlatform.IntegrationTests.Hostile;

/// <summary>
/// A whole platform (recording source registered) on PostgreSQL + RabbitMQ or on SQLite + the in-memory bus, with its
/// own data folder (uploads), an import folder, and small CSV limits so the limits are reached with small files.
/// </summary>
public sealed class HostileHost : IAsyncDisposable
{
    public const long MaxFileBytes = 64 * 1024;
    public const int MaxLineLength = 200;

    private HostileHost(IngestionTestHost host, string dataDirectory)
    {
        Host = host;
        DataDirectory = dataDirectory;
    }

    public IngestionTestHost Host { get; }
    public HttpClient Client => Host.Client;
    public string DataDirectory { get; }
    public string UploadDirectory => Path.Combine(DataDirectory, "uploads");
    public string ImportDirectory => Path.Combine(DataDirectory, "imports");

    public static async Task<HostileHost> StartAsync(ApiDatabase database, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var data = Directory.CreateTempSubdirectory("ip-hostile-").FullName;
        var sqlite = Path.Combine(data, "platform.db");
        Directory.CreateDirectory(Path.Combine(data, "imports"));
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = data,
            ["Imports:Directory"] = Path.Combine(data, "imports"),
            ["Imports:MaxFileBytes"] = MaxFileBytes.ToString(),
            ["Imports:MaxLineLength"] = MaxLineLength.ToString(),
        };
        if (database == ApiDatabase.Sqlite)
        {
            await MigratedTemplates.CopySqliteAsync(sqlite);
            settings["ConnectionStrings:Platform"] = $"Data Source={sqlite}";
            settings["Bus:Transport"] = "InMemory";
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var host = await IngestionTestHost.StartAsync(settings, postgres: database == ApiDatabase.Postgres);
        return new HostileHost(host, data);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, string json) =>
        Client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> UploadCsvAsync(string query, string csv, string contentType = "text/csv") =>
        Client.PostAsync($"/api/ingestion/requests/csv?{query}", new StringContent(csv, Encoding.UTF8, new MediaTypeHeaderValue(contentType)));

    public Task<HttpResponseMessage> UploadMultipartAsync(string query, string csv)
    {
        var form = new MultipartFormDataContent();
        var file = new StringContent(csv, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "prices.csv");
        return Client.PostAsync($"/api/ingestion/requests/csv?{query}", form);
    }

    public static async Task<Guid> AcceptedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("requestId").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await ScratchFolder.DeleteAsync(DataDirectory);
    }
}
