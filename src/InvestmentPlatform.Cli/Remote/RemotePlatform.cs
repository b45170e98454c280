using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InvestmentPlatform.Cli.CommandLine;

namespace InvestmentPlatform.Cli.Remote;

/// <summary>
/// A platform running elsewhere, reached through its REST API with an API key: --host (or IP_HOST) names it and
/// --api-key (or IP_API_KEY) authenticates. Without a host, commands run embedded in this process and need no key.
/// </summary>
public sealed class RemotePlatform : IDisposable
{
    public const string HostVariable = "IP_HOST";
    public const string KeyVariable = "IP_API_KEY";
    private readonly HttpClient _http;

    public Uri Host { get; }

    private RemotePlatform(Uri host, string apiKey)
    {
        Host = host;
        _http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(100) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    /// <summary>The remote platform the options or environment name, or null to run embedded.</summary>
    /// <param name="hostOption">--host as given, else null.</param>
    /// <param name="keyOption">--api-key as given, else null.</param>
    public static RemotePlatform? From(string? hostOption, string? keyOption)
    {
        var host = hostOption ?? Environment.GetEnvironmentVariable(HostVariable);
        var key = keyOption ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrWhiteSpace(host))
            return keyOption is null ? null : throw new CliUsageException($"--api-key needs --host (or {HostVariable}): embedded commands need no key");
        if (!Uri.TryCreate(host.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliUsageException($"--host '{host}' is not an http or https URL");
        if (string.IsNullOrWhiteSpace(key))
            throw new CliUsageException($"a remote host needs an API key: pass --api-key or set {KeyVariable}");
        return new RemotePlatform(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"), key.Trim());
    }

    public Task<JsonElement> GetAsync(string path, CancellationToken ct) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);

    public Task<JsonElement> PostAsync(string path, object body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, ct);

    /// <summary>The answer's JSON; every refusal or failure becomes one line for the user.</summary>
    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new RemoteFailureException($"cannot reach the platform at {Host}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new RemoteFailureException($"the platform at {Host} did not answer within {_http.Timeout.TotalSeconds:F0}s");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
                return JsonDocument.Parse(text).RootElement.Clone();
            var detail = Detail(text);
            throw response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => new RemoteFailureException(
                    $"the platform at {Host} refused the API key (401): it is unknown, revoked or expired; check --api-key or {KeyVariable}"),
                HttpStatusCode.Forbidden => new RemoteFailureException(
                    $"the API key may not do this (403): {detail ?? "its scope is too low"}"),
                HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new CliUsageException(detail ?? $"the platform refused the request ({(int)response.StatusCode})"),
                HttpStatusCode.NotFound => new RemoteFailureException(detail ?? $"not found at {Host} ({request.RequestUri})"),
                _ => new RemoteFailureException($"the platform at {Host} answered {(int)response.StatusCode}{(detail is null ? "" : $": {detail}")}"),
            };
        }
    }

    /// <summary>What a ProblemDetails answer says: its field errors, else its detail or title.</summary>
    private static string? Detail(string text)
    {
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                return string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
            return problem.TryGetProperty("detail", out var d) && d.GetString() is { Length: > 0 } detail ? detail
                : problem.TryGetProperty("title", out var t) ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The remote platform refused or could not be reached: one line and exit code <see cref="ExitCodes.Failure"/>.</summary>
public sealed class RemoteFailureException(string message) : Exception(message);
