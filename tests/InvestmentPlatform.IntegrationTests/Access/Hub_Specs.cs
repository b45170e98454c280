using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Contracts.Scheduler;
using InvestmentPlatform.Data.Ingestion;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;
using MassTransit;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentPlatform.IntegrationTests.Access;

[Collection(IntegrationCollection.Name)]
public sealed class When_users_watch_the_hub : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_never_send_a_user_another_users_request_errors()
    {
        var aliceToken = await _host.CreateUserAsync("alice", "analyst");
        var bobToken = await _host.CreateUserAsync("bob", "analyst");
        var bobId = (await _host.WithToken(bobToken).GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        var (alice, aliceMessages) = await HubListener.ConnectAsync(_host, aliceToken);
        var (bob, bobMessages) = await HubListener.ConnectAsync(_host, bobToken);

        var requestId = Guid.NewGuid();
        await _host.InsertAsync([new IngestionRequest
        {
            Id = requestId, Source = ApiHost.TestSource, Symbols = "[\"BOB1\"]", Interval = "1d", Mode = "batch", Status = "running",
            From = DateTime.UtcNow.AddDays(-5), To = DateTime.UtcNow, RequestedBy = bobId, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        }]);
        var bus = _host.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new CollectionFailed(requestId, null, null, "BOB1", ErrorClass.NotFound, "/home/bob/secret.csv: not found", DateTime.UtcNow));
        var (method, body) = await HubListener.NextAsync(bobMessages);
        Assert.Equal("error", method);
        Assert.Equal(requestId, body.GetProperty("requestId").GetGuid());

        // A global event after it (a command-line request's progress): Alice's next message must be that one, never Bob's error.
        var shared = Guid.NewGuid();
        await bus.Publish(new CollectionProgress(shared, null, null, "ALL1", 1, 2, 10, 10, DateTime.UtcNow));
        var (aliceMethod, aliceBody) = await HubListener.NextAsync(aliceMessages);
        Assert.Equal("collection_progress", aliceMethod);
        Assert.Equal(shared, aliceBody.GetProperty("requestId").GetGuid());

        await alice.DisposeAsync();
        await bob.DisposeAsync();
    }
}

[Collection(IntegrationCollection.Name)]
public sealed class When_users_own_scheduler_jobs : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(ApiDatabase.Sqlite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object Job(string name) => new
    {
        name, source = ApiHost.TestSource, symbols = new[] { "OWN1" }, interval = "1d",
        schedule = new { kind = "interval", intervalSeconds = 86400 }, enabled = false,
    };

    private static async Task<Guid> CreateAsync(HttpClient client, string name)
    {
        var created = await client.PostAsJsonAsync("/api/scheduler/jobs", Job(name));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Should_let_only_the_owner_and_admins_change_a_job_while_everyone_reads_it()
    {
        var alice = _host.WithToken(await _host.CreateUserAsync("alice", "analyst"));
        var bob = _host.WithToken(await _host.CreateUserAsync("bob", "analyst"));
        var viewer = _host.WithToken(await _host.CreateUserAsync("vera", "viewer"));
        var aliceId = (await alice.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        var id = await CreateAsync(alice, "alice-job");

        var read = await viewer.GetFromJsonAsync<JsonElement>($"/api/scheduler/jobs/{id}");
        Assert.Equal(aliceId, read.GetProperty("ownerId").GetString());
        await ProblemAssert.IsProblemAsync(await bob.PostAsync($"/api/scheduler/jobs/{id}/resume", null), System.Net.HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await bob.PostAsync($"/api/scheduler/jobs/{id}/trigger", null), System.Net.HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await bob.PutAsJsonAsync($"/api/scheduler/jobs/{id}", Job("bob-took-it")), System.Net.HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await bob.DeleteAsync($"/api/scheduler/jobs/{id}"), System.Net.HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await viewer.PostAsync($"/api/scheduler/jobs/{id}/resume", null), System.Net.HttpStatusCode.Forbidden);
        Assert.Equal("alice-job", (await bob.GetFromJsonAsync<JsonElement>($"/api/scheduler/jobs/{id}")).GetProperty("name").GetString());

        var triggered = await alice.PostAsync($"/api/scheduler/jobs/{id}/trigger", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, triggered.StatusCode);
        var runId = (await triggered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        await ProblemAssert.IsProblemAsync(await bob.PostAsync($"/api/scheduler/runs/{runId}/cancel", null), System.Net.HttpStatusCode.Forbidden);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await alice.PostAsync($"/api/scheduler/jobs/{id}/pause", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _host.Client.PostAsync($"/api/scheduler/jobs/{id}/pause", null)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/scheduler/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Should_never_send_a_user_another_users_job_events()
    {
        var aliceToken = await _host.CreateUserAsync("alice", "analyst");
        var bobToken = await _host.CreateUserAsync("bob", "analyst");
        var bobJob = await CreateAsync(_host.WithToken(bobToken), "bob-job");
        var aliceJob = await CreateAsync(_host.WithToken(aliceToken), "alice-job");
        var (alice, aliceMessages) = await HubListener.ConnectAsync(_host, aliceToken);
        var (bob, bobMessages) = await HubListener.ConnectAsync(_host, bobToken);
        var (admin, adminMessages) = await HubListener.ConnectAsync(_host, await TestAccess.SignInAsync(_host.Anonymous()));

        var bus = _host.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new JobRunStatusChanged(bobJob, Guid.NewGuid(), "bob-job", "failed", 0, "NotFound", "/home/bob/feed.csv: not found", DateTime.UtcNow));
        await bus.Publish(new CollectionProgress(Guid.NewGuid(), bobJob, Guid.NewGuid(), "OWN1", 1, 2, 5, 5, DateTime.UtcNow));
        var bobs = new[] { await HubListener.NextAsync(bobMessages), await HubListener.NextAsync(bobMessages) };
        Assert.Equal(["collection_progress", "job_status"], bobs.Select(m => m.Method).Order());
        Assert.All(bobs, m => Assert.Equal(bobJob, m.Body.GetProperty("jobId").GetGuid()));
        var adminFirst = await HubListener.NextAsync(adminMessages);
        Assert.Equal(bobJob, adminFirst.Body.GetProperty("jobId").GetGuid());

        // Alice's own job's event comes after Bob's two: it must be the first thing she receives.
        await bus.Publish(new JobRunStatusChanged(aliceJob, Guid.NewGuid(), "alice-job", "running", 0, null, null, DateTime.UtcNow));
        var (method, body) = await HubListener.NextAsync(aliceMessages);
        Assert.Equal("job_status", method);
        Assert.Equal(aliceJob, body.GetProperty("jobId").GetGuid());
        Assert.True(aliceMessages.IsEmpty);

        await alice.DisposeAsync();
        await bob.DisposeAsync();
        await admin.DisposeAsync();
    }
}
