using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Messaging.Faults;
using InvestmentPlatform.IntegrationTests.Faults;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;

namespace InvestmentPlatform.IntegrationTests.Api;

/// <summary>The admin's view of faulted messages: listed with their reason, re-driven or discarded, counted on /metrics.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class When_an_admin_looks_at_faulted_messages : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ApiHost.StartAsync(ApiDatabase.Sqlite, settings: new Dictionary<string, string?> { ["Faults:PollInterval"] = "00:00:00.200" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static MessageFault Fault(string errorClass, string reason, string? type = null, DateTime? at = null) => new()
    {
        Id = Guid.NewGuid(),
        MessageId = Guid.NewGuid(),
        MessageType = type ?? MessageUrn.ForTypeString<LedgerProbe>(),
        Queue = "faults-spec-probe",
        Body = JsonSerializer.Serialize(new LedgerProbe(Guid.NewGuid(), "none"), new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        ErrorClass = errorClass,
        ExceptionType = "System.InvalidOperationException",
        Reason = reason,
        FaultedAt = at ?? DateTime.UtcNow,
        RedriveAt = errorClass == MessageFaultClasses.Transient ? DateTime.UtcNow.AddHours(1) : null,
    };

    [Fact]
    public async Task Should_list_them_newest_first_with_their_reason_and_class()
    {
        var older = Fault(MessageFaultClasses.Permanent, "symbol unknown", at: DateTime.UtcNow.AddMinutes(-5));
        var newer = Fault(MessageFaultClasses.Transient, "connection refused");
        await _host.InsertAsync(new[] { older, newer });

        var all = await _host.Client.GetFromJsonAsync<JsonElement>("/api/ingestion/errors");
        Assert.Equal(2, all.GetProperty("totalCount").GetInt64());
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(newer.Id, items[0].GetProperty("id").GetGuid());
        Assert.Equal("transient", items[0].GetProperty("errorClass").GetString());
        Assert.Equal("symbol unknown", items[1].GetProperty("reason").GetString());
        Assert.Equal("faults-spec-probe", items[1].GetProperty("queue").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("redriveAt").ValueKind);

        var permanent = await _host.Client.GetFromJsonAsync<JsonElement>("/api/ingestion/errors?errorClass=permanent");
        Assert.Equal(older.Id, permanent.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/ingestion/errors?errorClass=fatal"), HttpStatusCode.BadRequest, "errorClass");
        await ProblemAssert.IsProblemAsync(await _host.Client.GetAsync("/api/ingestion/errors?page=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_redrive_or_discard_one_and_refuse_an_analyst()
    {
        var redriven = Fault(MessageFaultClasses.Permanent, "bad payload");
        var discarded = Fault(MessageFaultClasses.Permanent, "bad payload");
        var unknown = Fault(MessageFaultClasses.Permanent, "renamed", "urn:message:InvestmentPlatform.Contracts.Gone:Message");
        await _host.InsertAsync(new[] { redriven, discarded, unknown });
        var analyst = _host.WithToken(await _host.CreateUserAsync("fault-analyst", "analyst"));

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/ingestion/errors")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/ingestion/errors/{redriven.Id}/redrive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Client.PostAsync($"/api/ingestion/errors/{redriven.Id}/redrive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _host.Client.DeleteAsync($"/api/ingestion/errors/{discarded.Id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await _host.Client.DeleteAsync($"/api/ingestion/errors/{discarded.Id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _host.Client.PostAsync($"/api/ingestion/errors/{redriven.Id}/redrive", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await _host.Client.PostAsync($"/api/ingestion/errors/{unknown.Id}/redrive", null), HttpStatusCode.Conflict);

        var left = await _host.Client.GetFromJsonAsync<JsonElement>("/api/ingestion/errors");
        Assert.Equal(unknown.Id, left.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Should_count_the_kept_ones_by_class_on_metrics()
    {
        await _host.InsertAsync(new[]
        {
            Fault(MessageFaultClasses.Permanent, "a"), Fault(MessageFaultClasses.Permanent, "b"), Fault(MessageFaultClasses.Transient, "c"),
        });
        const string permanent = "platform_messaging_faults_kept{otel_scope_name=\"InvestmentPlatform\",error_class=\"permanent\"} 2";
        const string transient = "platform_messaging_faults_kept{otel_scope_name=\"InvestmentPlatform\",error_class=\"transient\"} 1";
        var scrape = "";
        for (var i = 0; i < 40 && !(scrape.Contains(permanent) && scrape.Contains(transient)); i++)
        {
            await Task.Delay(250);
            scrape = await _host.Client.GetStringAsync("/metrics");
        }
        Assert.Contains(permanent, scrape);
        Assert.Contains(transient, scrape);
    }
}
