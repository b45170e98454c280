using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Ingestion.Loading;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Hostile;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Ingestion;

[Collection(IntegrationCollection.Name)]
public sealed class When_rows_are_rejected_on_postgresql() : RejectedRows_Specs(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_rows_are_rejected_on_sqlite() : RejectedRows_Specs(ApiDatabase.Sqlite);

/// <summary>An uploaded file with bad rows: each kept with its reason and values, listed per request and per asset.</summary>
public abstract class RejectedRows_Specs(ApiDatabase database) : IAsyncLifetime
{
    private const int Kept = 5;

    // Lines 3, 4, 5, 6, 8 and 9 are bad; only the first five are kept.
    private const string Csv = """
        Date,Open,High,Low,Close,Volume
        2024-01-02,100,101,99,100.5,1000
        2024-01-03,102.1,101.2,100.4,102.5,2000
        2024-01-04,abc,101,99,100,1000
        2024-01-05,100,101,99,100.5,-5
        not-a-date,1,1,1,1,1
        2024-01-08,100,101,99,100.5,1000
        2024-01-09,0,1,2,1,1
        2024-01-10,5,5,5,5,-1
        """;

    private HostileHost _host = null!;

    public async Task InitializeAsync() => _host = await HostileHost.StartAsync(database,
        new Dictionary<string, string?> { ["Ingestion:RejectedRowsKeptPerChunk"] = Kept.ToString() });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_list_the_first_rows_of_a_chunk_with_their_reasons_for_the_request_and_the_asset()
    {
        var id = await HostileHost.AcceptedAsync(await _host.UploadCsvAsync("symbol=REJ&from=2024-01-01&to=2024-02-01", Csv));

        var request = await _host.Host.WaitFinishedAsync(id);
        var byRequest = await PageAsync(_host.Client, $"/api/ingestion/requests/{id}/rejected");
        var byAsset = await PageAsync(_host.Client, "/api/assets/REJ/rejected");
        var last = await PageAsync(_host.Client, "/api/assets/REJ/rejected?page=3&pageSize=2");

        Assert.Equal(6, request.GetProperty("recordsRejected").GetInt64());
        Assert.Equal(Kept, byRequest.GetProperty("totalCount").GetInt64());
        string[] reasons = ["low 2 is above high 1", "volume -5 is negative", "open 'abc' is not a number",
            "high 101.2 is below open 102.1", "unreadable date 'not-a-date'"];
        Assert.Equal(reasons, Items(byRequest).Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal(reasons, Items(byAsset).Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal((3, 5L, "unreadable date 'not-a-date'"), (last.GetProperty("totalPages").GetInt32(), last.GetProperty("totalCount").GetInt64(),
            Assert.Single(Items(last)).GetProperty("reason").GetString()));

        var high = Items(byRequest)[3];
        Assert.Equal((id, "REJ", "csv", "1d", new DateTime(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc), 3),
            (high.GetProperty("requestId").GetGuid(), high.GetProperty("symbol").GetString(), high.GetProperty("source").GetString(),
                high.GetProperty("interval").GetString(), high.GetProperty("time").GetDateTime().ToUniversalTime(), high.GetProperty("line").GetInt32()));
        Assert.Equal([102.1, 101.2, 100.4, 102.5, 2000], new[] { "open", "high", "low", "close", "volume" }.Select(f => high.GetProperty(f).GetDouble()));
        Assert.Equal("2024-01-03,102.1,101.2,100.4,102.5,2000", high.GetProperty("raw").GetString());
        var text = Items(byRequest)[2];
        Assert.Equal((JsonValueKind.Null, 101.0, "2024-01-04,abc,101,99,100,1000"),
            (text.GetProperty("open").ValueKind, text.GetProperty("high").GetDouble(), text.GetProperty("raw").GetString()));
        Assert.Equal(JsonValueKind.Null, Items(byRequest)[4].GetProperty("time").ValueKind);
    }

    [Fact]
    public async Task Should_answer_404_for_another_users_request_and_leave_it_off_their_lists_and_the_assets_history()
    {
        var analyst = await UserAsync("req-analyst", "analyst");
        var viewer = await UserAsync("req-viewer", "viewer");
        var otherAnalyst = await UserAsync("req-other", "analyst");
        var id = await HostileHost.AcceptedAsync(await analyst.PostAsync("/api/ingestion/requests/csv?symbol=MINE&from=2024-01-01&to=2024-02-01",
            new StringContent(Csv, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"))));
        await _host.Host.WaitFinishedAsync(id);

        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/ingestion/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync($"/api/ingestion/requests/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await viewer.GetAsync($"/api/ingestion/requests/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await otherAnalyst.PostAsync($"/api/ingestion/requests/{id}/cancel", null), HttpStatusCode.NotFound);
        // A viewer may cancel nothing, so the role answers before the request is looked up.
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync($"/api/ingestion/requests/{id}/cancel", null), HttpStatusCode.Forbidden);
        Assert.Equal(1, (await PageAsync(analyst, "/api/ingestion/requests")).GetProperty("totalCount").GetInt64());
        Assert.Equal(0, (await PageAsync(viewer, "/api/ingestion/requests")).GetProperty("totalCount").GetInt64());
        Assert.Equal(1, (await PageAsync(analyst, "/api/assets/MINE/collections")).GetProperty("totalCount").GetInt64());
        Assert.Equal(0, (await PageAsync(viewer, "/api/assets/MINE/collections")).GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task Should_answer_404_for_another_users_request_and_leave_its_rows_off_the_asset()
    {
        var analyst = await UserAsync("rej-analyst", "analyst");
        var viewer = await UserAsync("rej-viewer", "viewer");
        var upload = await analyst.PostAsync("/api/ingestion/requests/csv?symbol=OWNED&from=2024-01-01&to=2024-02-01",
            new StringContent(Csv, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")));
        var id = await HostileHost.AcceptedAsync(upload);
        await _host.Host.WaitFinishedAsync(id);

        var own = await PageAsync(analyst, $"/api/ingestion/requests/{id}/rejected");
        var admin = await PageAsync(_host.Client, $"/api/ingestion/requests/{id}/rejected");
        var other = await viewer.GetAsync($"/api/ingestion/requests/{id}/rejected");
        var otherAsset = await PageAsync(viewer, "/api/assets/OWNED/rejected");
        var unknown = await viewer.GetAsync($"/api/ingestion/requests/{Guid.NewGuid()}/rejected");
        var anonymous = await _host.Host.App.Server.CreateClient().GetAsync($"/api/ingestion/requests/{id}/rejected");

        Assert.Equal(Kept, own.GetProperty("totalCount").GetInt64());
        Assert.Equal(Kept, admin.GetProperty("totalCount").GetInt64());
        var problem = await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
        Assert.Equal((await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("title").GetString(),
            problem.GetProperty("title").GetString());
        Assert.Equal(0, otherAsset.GetProperty("totalCount").GetInt64());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await ProblemAssert.IsProblemAsync(await viewer.GetAsync("/api/assets/NOPE/rejected"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await viewer.GetAsync("/api/assets/OWNED/rejected?pageSize=0"), HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task Should_store_a_redelivered_part_once_and_never_number_a_row_twice()
    {
        var first = await HostileHost.AcceptedAsync(await _host.UploadCsvAsync("symbol=AGAIN&from=2024-01-01&to=2024-02-01", Csv));
        await _host.Host.WaitFinishedAsync(first);
        var assetId = await _host.Host.WithDbAsync(db => db.Assets.Where(a => a.Symbol == "AGAIN").Select(a => a.AssetId).SingleAsync());
        var (requestId, chunkId) = await _host.Host.AddCollectingChunkAsync("AGAIN");

        var loaded = await LoadAsync(Part(requestId, chunkId, 0, false, 0, "x", "y"), assetId);
        var again = await LoadAsync(Part(requestId, chunkId, 0, false, 0, "x", "y"), assetId);
        // Collected again from an answer that changed: its rows are numbered from 1, which "y" holds already.
        await LoadAsync(Part(requestId, chunkId, 1, true, 1, "z", "w"), assetId);

        Assert.Equal(1, loaded);
        Assert.Null(again);
        var page = await PageAsync(_host.Client, $"/api/ingestion/requests/{requestId}/rejected");
        Assert.Equal(["w", "y", "x"], Items(page).Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal(Kept + 3, (await PageAsync(_host.Client, "/api/assets/AGAIN/rejected")).GetProperty("totalCount").GetInt64());
    }

    private static DataCollected Part(Guid requestId, Guid chunkId, int part, bool last, int firstRejected, params string[] reasons) =>
        new(requestId, chunkId, part, last, "csv", "AGAIN", "stock", "1d",
            new AssetDescription("AGAIN", null, "stock", "USD", null, "csv", new Dictionary<string, string>()),
            SeriesRowBlock.From([new SeriesRow(new DateTime(2024, 1, 22 + part, 0, 0, 0, DateTimeKind.Utc), 1, 2, 0.5, 1.5)]),
            reasons.Length, reasons.Select(r => new RejectedRow(null, null, r)).ToList(), firstRejected);

    private async Task<int?> LoadAsync(DataCollected part, long assetId)
    {
        await using var scope = _host.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PartLoader>().LoadAsync(part, assetId, "stock", CancellationToken.None);
    }

    private async Task<HttpClient> UserAsync(string name, string role)
    {
        const string password = "User-pass-123";
        var created = await _host.Client.PostAsJsonAsync("/api/users", new { userName = name, password, role });
        Assert.True(created.IsSuccessStatusCode, $"create {name}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var token = await TestAccess.SignInAsync(_host.Host.App.Server.CreateClient(), name, password);
        var client = _host.Host.App.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();
}
