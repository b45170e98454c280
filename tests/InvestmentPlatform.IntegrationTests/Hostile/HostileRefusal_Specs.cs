using System.Net;
using InvestmentPlatform.IntegrationTests.Api;
using InvestmentPlatform.IntegrationTests.Infrastructure;

namespace InvestmentPlatform.IntegrationTests.Hostile;

[Collection(IntegrationCollection.Name)]
public sealed class When_hostile_requests_are_refused_on_postgresql(PostgresRefusingHost host)
    : HostileRefusal_Specs(host), IClassFixture<PostgresRefusingHost>;

[Collection(IntegrationCollection.Name)]
public sealed class When_hostile_requests_are_refused_on_sqlite(SqliteRefusingHost host)
    : HostileRefusal_Specs(host), IClassFixture<SqliteRefusingHost>;

/// <summary>
/// Requests refused before anything is stored, so one host serves them all; the specs that store, cancel or load
/// something are in <see cref="HostileInput_Specs"/>, each with a host of its own.
/// </summary>
public abstract class HostileRefusal_Specs(RefusingHost fixture)
{
    private HostileHost Host => fixture.Host;

    [Theory]
    [InlineData("csv", "/etc/passwd")]
    [InlineData("csv", "/dev/zero")]
    [InlineData("recording", "/etc/shadow")]
    public async Task Should_refuse_a_server_path_named_in_a_json_request(string source, string path)
    {
        var response = await Host.PostJsonAsync("/api/ingestion/requests",
            $$$"""{"source":"{{{source}}}","symbols":["EXFIL"],"interval":"1d","from":"2024-01-01","to":"2024-02-01","options":{"file":"{{{path}}}"}}""");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "options.file");
        Assert.DoesNotContain(path, problem.GetRawText());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task Should_answer_415_to_an_upload_of_another_content_type(string contentType)
    {
        var response = await Host.UploadCsvAsync("symbol=X", HostileInput_Specs.Csv, contentType);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData("1899-12-31", "2024-01-01")]
    [InlineData("2024-01-01", "2999-01-01")]
    public async Task Should_refuse_dates_outside_1900_to_one_day_from_now(string from, string to)
    {
        var json = await Host.PostJsonAsync("/api/ingestion/requests",
            $$"""{"source":"recording","symbols":["OLD"],"interval":"1d","from":"{{from}}","to":"{{to}}"}""");
        var upload = await Host.UploadCsvAsync($"symbol=OLD&from={from}&to={to}", HostileInput_Specs.Csv);

        await ProblemAssert.IsProblemAsync(json, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(upload, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("symbols", "\"symbols\":[\"A/B\"]")]
    [InlineData("symbols", "\"symbols\":[\"A\\u0000B\"]")]
    [InlineData("symbols", "\"symbols\":[\"A\\u202EB\"]")]
    [InlineData("symbols", "\"symbols\":[\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"]")]
    [InlineData("schedule.cron", "\"symbols\":[\"OK\"],\"schedule\":{\"kind\":\"cron\",\"cron\":\"* * * * * ?\"}")]
    [InlineData("schedule.intervalSeconds", "\"symbols\":[\"OK\"],\"schedule\":{\"kind\":\"interval\",\"intervalSeconds\":1}")]
    [InlineData("lookbackDays", "\"symbols\":[\"OK\"],\"interval\":\"1m\",\"lookbackDays\":36500")]
    public async Task Should_refuse_a_scheduler_job_beyond_the_limits_of_every_request(string field, string fields)
    {
        var json = "{\"name\":\"hostile\",\"source\":\"recording\",\"interval\":\"1d\"," +
                   "\"schedule\":{\"kind\":\"interval\",\"intervalSeconds\":3600}," + fields + "}";

        var created = await Host.PostJsonAsync("/api/scheduler/jobs", json);

        var problem = await ProblemAssert.IsProblemAsync(created, field == "lookbackDays" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.BadRequest, field);
        Assert.DoesNotContain("System.", problem.GetRawText());
    }

    [Theory]
    [InlineData("/api/ingestion/requests", "{\"source\":\"recording\",\"symbols\":[\"X\"],\"interval\":\"1d\",\"from\":\"yesterday\",\"to\":\"2024-01-01\"}")]
    [InlineData("/api/ingestion/requests", "{\"source\":\"recording\",\"symbols\":\"X\"}")]
    [InlineData("/api/ingestion/requests", "{not json")]
    [InlineData("/api/portfolios", "{\"name\":\"p\",\"allowShort\":\"maybe\"}")]
    public async Task Should_answer_a_malformed_body_without_naming_dotnet_types(string url, string json)
    {
        var response = await Host.PostJsonAsync(url, json);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var text = problem.GetRawText();
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("DateTime", text);
        Assert.DoesNotContain("Boolean", text);
        Assert.DoesNotContain("IReadOnlyList", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Should_answer_a_malformed_query_parameter_without_naming_dotnet_types()
    {
        var response = await Host.Client.GetAsync("/api/ingestion/requests?page=abc");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'page'", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Int32", problem.GetRawText());
    }
}

public abstract class RefusingHost(ApiDatabase database) : IAsyncLifetime
{
    public HostileHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostileHost.StartAsync(database);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class PostgresRefusingHost() : RefusingHost(ApiDatabase.Postgres);

public sealed class SqliteRefusingHost() : RefusingHost(ApiDatabase.Sqlite);
