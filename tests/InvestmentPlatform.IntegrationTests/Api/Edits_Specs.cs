using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.IntegrationTests.Analytics;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Api;

[Collection(IntegrationCollection.Name)]
public sealed class When_objects_are_edited_on_PostgreSQL() : When_objects_are_edited(ApiDatabase.Postgres);

[Collection(IntegrationCollection.Name)]
public sealed class When_objects_are_edited_on_SQLite() : When_objects_are_edited(ApiDatabase.Sqlite);

/// <summary>
/// Every edit endpoint checks its input, and takes the version the client read: a fresh one saves and moves the version
/// on, a stale one gets 409 and changes nothing.
/// </summary>
public abstract class When_objects_are_edited(ApiDatabase database) : IAsyncLifetime
{
    private ApiHost _host = null!;
    private HttpClient Client => _host.Client;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(database);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> CreatedAsync(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> SavedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The stale edit is refused with the reload message, and what the fresh one saved is still there.</summary>
    private static async Task StaleAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "version");
        Assert.Contains("changed since you read it", problem.GetProperty("detail").GetString());
        Assert.Contains("reload", problem.GetProperty("detail").GetString());
    }

    private static object Job(string name, string cron, int? version, Guid[]? dependsOn = null, int lookbackDays = 5, int maxRetries = 1) => new
    {
        name, source = ApiHost.TestSource, symbols = new[] { "EDT" }, assetType = "stock", interval = "1d", mode = "batch", lookbackDays,
        schedule = new { kind = "cron", cron, timeZone = "UTC" }, enabled = true, maxRetries, timeoutSeconds = 60,
        dependsOn = dependsOn ?? [], version,
    };

    [Fact]
    public async Task Should_edit_a_job_with_its_dependencies_and_refuse_a_stale_version()
    {
        var upstream = (await CreatedAsync("/api/scheduler/jobs", Job("edit-upstream", "0 0 6 * * ?", null))).GetProperty("id").GetGuid();
        var job = await CreatedAsync("/api/scheduler/jobs", Job("edit-me", "0 0 7 * * ?", null));
        var id = job.GetProperty("id").GetGuid();
        Assert.Equal(0, job.GetProperty("version").GetInt32());
        var path = $"/api/scheduler/jobs/{id}";

        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 0 8 * * ?", null)), HttpStatusCode.BadRequest, "version");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "not a cron", 0)), HttpStatusCode.BadRequest, "schedule.cron");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 0 8 * * ?", 0, lookbackDays: 0)), HttpStatusCode.BadRequest, "lookbackDays");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 0 8 * * ?", 0, [Guid.NewGuid()])), HttpStatusCode.UnprocessableEntity, "dependsOn");

        // The bounds the API serves are the ones it enforces.
        var limits = await Client.GetFromJsonAsync<JsonElement>("/api/scheduler/limits");
        var maxRetries = limits.GetProperty("maxRetriesMax").GetInt32();
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 0 8 * * ?", 0, maxRetries: maxRetries + 1)),
            HttpStatusCode.BadRequest, "maxRetries");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path,
            Job("edit-me", "0 0 8 * * ?", 0, lookbackDays: limits.GetProperty("lookbackDaysMax").GetInt32() + 1)), HttpStatusCode.BadRequest, "lookbackDays");

        // A run of the job is the scheduler's own bookkeeping: it does not make the version the user read stale.
        Assert.Equal(HttpStatusCode.Accepted, (await Client.PostAsync($"{path}/trigger", null)).StatusCode);
        var edited = await SavedAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 30 9 * * ?", 0, [upstream], maxRetries: maxRetries)));
        Assert.Equal(1, edited.GetProperty("version").GetInt32());
        Assert.Equal("0 30 9 * * ?", edited.GetProperty("schedule").GetProperty("cron").GetString());
        Assert.Equal([upstream], edited.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetGuid()));

        await StaleAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 0 10 * * ?", 0)));
        var stored = await Client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("0 30 9 * * ?", stored.GetProperty("schedule").GetProperty("cron").GetString());

        // Pausing changes a field the edit sends, so an edit read before the pause is stale.
        Assert.Equal(2, (await SavedAsync(await Client.PostAsync($"{path}/pause", null))).GetProperty("version").GetInt32());
        await StaleAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 0 10 * * ?", 1)));
        Assert.Equal(3, (await SavedAsync(await Client.PutAsJsonAsync(path, Job("edit-me", "0 0 10 * * ?", 2)))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Should_let_exactly_one_of_racing_edits_with_the_same_version_win()
    {
        await _host.CreateAssetAsync("RACE");
        var portfolio = (await CreatedAsync("/api/portfolios", new { name = "race-book", baseCurrency = "USD" })).GetProperty("id").GetGuid();

        var assetEdits = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Client.PutAsJsonAsync("/api/assets/RACE",
            new { name = $"racer {i}", assetType = "stock", currency = "USD", source = ApiHost.TestSource, version = 0 })));
        var portfolioEdits = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Client.PutAsJsonAsync($"/api/portfolios/{portfolio}",
            new { name = $"race-book {i}", baseCurrency = "USD", version = 0 })));

        foreach (var (edits, path) in new[] { (assetEdits, "/api/assets/RACE"), (portfolioEdits, $"/api/portfolios/{portfolio}") })
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], edits.Select(e => e.StatusCode).Distinct().Order());
            var winner = await SavedAsync(Assert.Single(edits, e => e.StatusCode == HttpStatusCode.OK));
            foreach (var loser in edits.Where(e => e.StatusCode == HttpStatusCode.Conflict))
                await StaleAsync(loser);
            var stored = await Client.GetFromJsonAsync<JsonElement>(path);
            Assert.Equal(1, stored.GetProperty("version").GetInt32());
            Assert.Equal(winner.GetProperty("name").GetString(), stored.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Should_edit_a_template_and_refuse_a_stale_version()
    {
        object Template(string interval, int? version) => new
        {
            name = "edit-template", source = ApiHost.TestSource, symbols = new[] { "EDT" }, interval, mode = "batch", lookbackDays = 5, version,
        };
        var id = (await CreatedAsync("/api/scheduler/templates", Template("1d", null))).GetProperty("id").GetGuid();
        var path = $"/api/scheduler/templates/{id}";

        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, Template("1m", null)), HttpStatusCode.BadRequest, "version");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, Template("7x", 0)), HttpStatusCode.BadRequest, "interval");
        var edited = await SavedAsync(await Client.PutAsJsonAsync(path, Template("1m", 0)));
        Assert.Equal(("1m", 1), (edited.GetProperty("interval").GetString(), edited.GetProperty("version").GetInt32()));
        await StaleAsync(await Client.PutAsJsonAsync(path, Template("1d", 0)));
        Assert.Equal("1m", (await Client.GetFromJsonAsync<JsonElement>(path)).GetProperty("interval").GetString());
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync($"/api/scheduler/templates/{Guid.NewGuid()}", Template("1d", 0)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_edit_an_asset_and_refuse_a_stale_version()
    {
        await _host.CreateAssetAsync("EDT");
        object Asset(string? currency, int? version, string assetType = "stock") => new
        {
            name = "Edited Inc.", assetType, currency, exchange = "XNYS", source = ApiHost.TestSource,
            metadata = new Dictionary<string, string> { ["timezone"] = "America/New_York" }, version,
        };

        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync("/api/assets/EDT", Asset("USD", null)), HttpStatusCode.BadRequest, "version");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync("/api/assets/EDT", Asset("DOLLARSXX", 0)), HttpStatusCode.BadRequest, "currency");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync("/api/assets/EDT", Asset("USD", 0, "shares")), HttpStatusCode.BadRequest, "assetType");
        var edited = await SavedAsync(await Client.PutAsJsonAsync("/api/assets/EDT", Asset("EUR", 0)));
        Assert.Equal(("EUR", "XNYS", 1), (edited.GetProperty("currency").GetString(), edited.GetProperty("exchange").GetString(), edited.GetProperty("version").GetInt32()));
        Assert.Equal("America/New_York", edited.GetProperty("metadata").GetProperty("timezone").GetString());
        await StaleAsync(await Client.PutAsJsonAsync("/api/assets/EDT", Asset("GBP", 0)));
        Assert.Equal("EUR", (await Client.GetFromJsonAsync<JsonElement>("/api/assets/EDT")).GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Should_edit_a_portfolio_and_its_transactions_and_refuse_a_stale_version()
    {
        await _host.CreateAssetAsync("EDT");
        await _host.CreateAssetAsync("BENCH");
        var id = (await CreatedAsync("/api/portfolios", new { name = "edit-book", baseCurrency = "USD" })).GetProperty("id").GetGuid();
        var path = $"/api/portfolios/{id}";

        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, new { name = "renamed", baseCurrency = "USD" }), HttpStatusCode.BadRequest, "version");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, new { name = "renamed", baseCurrency = "dollars", version = 0 }), HttpStatusCode.BadRequest, "baseCurrency");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(path, new { name = "renamed", baseCurrency = "USD", benchmarkSymbol = "NOPE", version = 0 }),
            HttpStatusCode.UnprocessableEntity, "benchmarkSymbol");
        var edited = await SavedAsync(await Client.PutAsJsonAsync(path, new { name = "renamed", baseCurrency = "EUR", benchmarkSymbol = "BENCH", version = 0 }));
        Assert.Equal(("renamed", "EUR", "BENCH", 1), (edited.GetProperty("name").GetString(), edited.GetProperty("baseCurrency").GetString(),
            edited.GetProperty("benchmarkSymbol").GetString(), edited.GetProperty("version").GetInt32()));
        await StaleAsync(await Client.PutAsJsonAsync(path, new { name = "again", baseCurrency = "USD", version = 0 }));
        Assert.Equal("renamed", (await Client.GetFromJsonAsync<JsonElement>(path)).GetProperty("name").GetString());

        var deposit = await CreatedAsync($"{path}/transactions", new { type = "deposit", time = "2024-01-02", amount = 1000, currency = "USD" });
        var buy = await CreatedAsync($"{path}/transactions", new { type = "buy", symbol = "EDT", time = "2024-01-03", quantity = 5, price = 10 });
        await CreatedAsync($"{path}/transactions", new { type = "sell", symbol = "EDT", time = "2024-01-04", quantity = 4, price = 11 });
        Assert.Equal(0, buy.GetProperty("version").GetInt32());
        var tx = $"{path}/transactions/{buy.GetProperty("id").GetGuid()}";
        object Buy(double quantity, int? version) => new { type = "buy", symbol = "EDT", time = "2024-01-03", quantity, price = 10, note = "edited", version };

        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(tx, Buy(6, null)), HttpStatusCode.BadRequest, "version");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(tx, Buy(-1, 0)), HttpStatusCode.BadRequest, "quantity");
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync(tx, new { type = "buy", symbol = "NOPE", time = "2024-01-03", quantity = 5, price = 10, version = 0 }),
            HttpStatusCode.UnprocessableEntity, "symbol");
        // Three shares cannot cover the later sale of four: the edit is refused and the history is left as it was.
        var broken = await Client.PutAsJsonAsync(tx, Buy(3, 0));
        Assert.False(broken.IsSuccessStatusCode);
        await ProblemAssert.IsProblemAsync(broken, broken.StatusCode);

        var saved = await SavedAsync(await Client.PutAsJsonAsync(tx, Buy(8, 0)));
        Assert.Equal((8.0, "edited", 1), (saved.GetProperty("quantity").GetDouble(), saved.GetProperty("note").GetString(), saved.GetProperty("version").GetInt32()));
        Assert.Equal(buy.GetProperty("id").GetGuid(), saved.GetProperty("id").GetGuid());
        await StaleAsync(await Client.PutAsJsonAsync(tx, Buy(9, 0)));
        var listed = await Client.GetFromJsonAsync<JsonElement>($"{path}/transactions");
        Assert.Equal(8, listed.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "buy").GetProperty("quantity").GetDouble());

        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync($"{path}/transactions/{Guid.NewGuid()}", Buy(8, 1)), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Client.PutAsJsonAsync($"{path}/transactions/{deposit.GetProperty("id").GetGuid()}",
            new { type = "deposit", time = "2024-01-02", amount = 0, version = 0 }), HttpStatusCode.BadRequest, "amount");

        // Someone else's portfolio and its transactions are as unknown as missing ones.
        var other = _host.WithToken(await _host.CreateUserAsync("edit-other", "analyst"));
        await ProblemAssert.IsProblemAsync(await other.PutAsJsonAsync(path, new { name = "taken", baseCurrency = "USD", version = 1 }), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await other.PutAsJsonAsync(tx, Buy(8, 1)), HttpStatusCode.NotFound);
        Assert.Equal("renamed", (await Client.GetFromJsonAsync<JsonElement>(path)).GetProperty("name").GetString());
    }
}
