using System.Net;
using System.Threading.RateLimiting;
using InvestmentPlatform.Collectors.Core;
using InvestmentPlatform.Contracts.Ingestion;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace InvestmentPlatform.Collectors.Resilience;

/// <summary>
/// The one way a source calls its provider: a process-wide rate limiter, then retries with backoff and jitter
/// (honouring Retry-After), a circuit breaker and a per-attempt timeout. One gateway per source, a singleton.
/// </summary>
public sealed class SourceGateway : IDisposable
{
    private const string Final = "final";
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _timeout;
    private readonly RateLimiter _limiter;
    private readonly ILogger _logger;

    public SourceGateway(string source, SourceOptions options, ILogger logger, TimeProvider? time = null)
    {
        Source = source;
        Options = options;
        _logger = logger;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.RatePermits),
            TokensPerPeriod = Math.Max(1, options.RatePermits),
            ReplenishmentPeriod = options.RatePeriod,
            QueueLimit = options.RateQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        var builder = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System };
        if (options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsRetryable(e)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is CollectorException { RetryAfter: { } after } ? (TimeSpan?)after : null),
                OnRetry = args =>
                {
                    _logger.LogWarning("{Source}: attempt {Attempt} failed ({Error}); retrying in {Delay}",
                        source, args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsRetryable(e)),
        });
        _pipeline = builder.Build();
        // The timeout covers one call, not the wait for a rate-limit permit.
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System }.AddTimeout(options.Timeout).Build();
    }

    public string Source { get; }

    public SourceOptions Options { get; }

    /// <summary>
    /// Sends the request <paramref name="create"/> builds (fresh per attempt) and parses a successful body with
    /// <paramref name="parse"/>, which throws <see cref="CollectorException"/> for error bodies sent with 200;
    /// error statuses go to <paramref name="classify"/>, which reads the provider's own message.
    /// </summary>
    public async Task<T> SendAsync<T>(
        HttpClient http,
        Func<HttpRequestMessage> create,
        Func<byte[], T> parse,
        Func<HttpStatusCode, byte[], CollectorException?> classify,
        CancellationToken ct)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                using (var lease = await _limiter.AcquireAsync(1, token))
                {
                    if (!lease.IsAcquired)
                        throw new CollectorException(ErrorClass.RateLimited, Source, "too many requests are waiting for this source's rate limit");
                }
                return await _timeout.ExecuteAsync(async attempt => await CallAsync(http, create, parse, classify, attempt), token);
            }, ct);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new CollectorException(ErrorClass.Timeout, Source, $"no complete answer within {Options.Timeout.TotalSeconds:0.###} s", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new CollectorException(ErrorClass.Transient, Source, $"circuit open after repeated failures; retry after {ex.RetryAfter?.TotalSeconds:0} s", ex, ex.RetryAfter);
        }
        catch (HttpRequestException ex)
        {
            throw new CollectorException(ErrorClass.Transient, Source, $"unreachable: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new CollectorException(ErrorClass.Timeout, Source, "the call was cancelled before an answer arrived", ex);
        }
    }

    private async Task<T> CallAsync<T>(
        HttpClient http,
        Func<HttpRequestMessage> create,
        Func<byte[], T> parse,
        Func<HttpStatusCode, byte[], CollectorException?> classify,
        CancellationToken ct)
    {
        using var request = create();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.IsSuccessStatusCode)
            return parse(body);
        throw Refine(classify(response.StatusCode, body) ?? Default(response.StatusCode, body), response);
    }

    private static bool IsRetryable(Exception e) => e switch
    {
        CollectorException c => c.IsRetryable && !c.Data.Contains(Final),
        TimeoutRejectedException or HttpRequestException => true,
        _ => false,
    };

    private CollectorException Refine(CollectorException failure, HttpResponseMessage response)
    {
        if (failure.ErrorClass != ErrorClass.RateLimited || failure.RetryAfter is not null)
            return failure;
        var after = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        if (after is { } wait && wait > Options.MaxRetryAfter)
        {
            var tooLong = new CollectorException(ErrorClass.RateLimited, Source,
                $"{failure.ProviderMessage} (Retry-After {wait.TotalSeconds:0} s exceeds the {Options.MaxRetryAfter.TotalSeconds:0} s limit)", null, wait);
            tooLong.Data[Final] = true;
            return tooLong;
        }
        return new CollectorException(ErrorClass.RateLimited, Source, failure.ProviderMessage, null,
            after is { } w && w > TimeSpan.Zero ? w : null);
    }

    /// <summary>Status-code classification, used when a provider's body says nothing more specific.</summary>
    public CollectorException Default(HttpStatusCode status, byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).Trim();
        var message = $"HTTP {(int)status} {status}{(text.Length > 0 ? $": {text}" : "")}";
        return new CollectorException(ClassOf(status), Source, message);
    }

    public static ErrorClass ClassOf(HttpStatusCode status) => (int)status switch
    {
        429 => ErrorClass.RateLimited,
        401 or 403 => ErrorClass.Authentication,
        404 => ErrorClass.NotFound,
        408 => ErrorClass.Transient,
        >= 500 => ErrorClass.Transient,
        _ => ErrorClass.BadRequest,
    };

    public void Dispose() => _limiter.Dispose();
}
