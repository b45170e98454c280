using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using InvestmentPlatform.Collectors.Validation;
using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace InvestmentPlatform.Collectors.Core;

/// <summary>
/// Checks the request, validates every row a source parses and counts the rows, and turns stray exceptions
/// into classified <see cref="CollectorException"/>s, so each source only fetches and parses.
/// </summary>
public abstract class CollectorBase : ICollector
{
    public abstract SourceDescriptor Descriptor { get; }

    protected abstract IAsyncEnumerable<RawBatch> CollectRawAsync(CollectorRequest request, CancellationToken ct);

    public async IAsyncEnumerable<CollectedBatch> CollectAsync(
        CollectorRequest request, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var validator = new RowValidator(request.From, request.To);
        IAsyncEnumerator<RawBatch>? batches = null;
        try
        {
            while (true)
            {
                RawBatch raw;
                try
                {
                    if (batches is null)
                    {
                        CheckRequest(request);
                        batches = CollectRawAsync(request, ct).GetAsyncEnumerator(ct);
                    }
                    if (!await batches.MoveNextAsync())
                        break;
                    raw = batches.Current;
                }
                // Bad settings are the operator's to fix, not a collection failure: they pass through unclassified.
                catch (Exception ex) when (ex is not OptionsValidationException && (ex is not OperationCanceledException || !ct.IsCancellationRequested))
                {
                    // Counted by the collection step, which also sees the failures of its own (timeouts, too many parts).
                    var failure = Classify(ex);
                    if (ReferenceEquals(failure, ex))
                        throw;
                    throw failure;
                }

                var (valid, rejected) = validator.Validate(raw.Rows);
                if (raw.Unreadable is { Count: > 0 } unreadable)
                    rejected.InsertRange(0, unreadable);
                var vintages = raw.Vintages is { Count: > 0 } kept ? kept : null;
                if (valid.Count <= DataCollected.MaxRows)
                {
                    if (valid.Count > 0 || rejected.Count > 0 || vintages is not null)
                        yield return new CollectedBatch(raw.Asset, valid, rejected, vintages);
                    continue;
                }
                for (var start = 0; start < valid.Count; start += DataCollected.MaxRows)
                    yield return new CollectedBatch(raw.Asset, valid.GetRange(start, Math.Min(DataCollected.MaxRows, valid.Count - start)),
                        start == 0 ? rejected : [], start == 0 ? vintages : null);
            }
        }
        finally
        {
            if (batches is not null)
                await batches.DisposeAsync();
        }
    }

    private void CheckRequest(CollectorRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Symbol))
            throw new CollectorException(ErrorClass.BadRequest, Descriptor.Name, "a symbol is required");
        if (!Descriptor.Supports(request.Interval))
            throw new CollectorException(ErrorClass.BadRequest, Descriptor.Name,
                $"interval '{request.Interval}' is not served; use one of {string.Join(", ", Descriptor.Intervals)}");
        if (request.From >= request.To)
            throw new CollectorException(ErrorClass.BadRequest, Descriptor.Name,
                $"'from' ({request.From:O}) must be before 'to' ({request.To:O})");
        if (request.AssetType is { } type && !Descriptor.AssetTypes.Contains(type))
            throw new CollectorException(ErrorClass.BadRequest, Descriptor.Name,
                $"asset type '{type}' is not served; use one of {string.Join(", ", Descriptor.AssetTypes)}");
        foreach (var parameter in Descriptor.Parameters.Where(p => p.Required))
            if (request.Options?.TryGetValue(parameter.Name, out var value) != true || string.IsNullOrWhiteSpace(value))
                throw new CollectorException(ErrorClass.BadRequest, Descriptor.Name, $"option '{parameter.Name}' is required");
    }

    private CollectorException Classify(Exception ex) => ex switch
    {
        CollectorException collector => collector,
        JsonException json => new CollectorException(ErrorClass.BadPayload, Descriptor.Name, $"malformed JSON: {json.Message}", json),
        HttpRequestException http => new CollectorException(ErrorClass.Transient, Descriptor.Name, http.Message, http),
        IOException io => new CollectorException(ErrorClass.Transient, Descriptor.Name, io.Message, io),
        TimeoutException timeout => new CollectorException(ErrorClass.Timeout, Descriptor.Name, timeout.Message, timeout),
        OperationCanceledException cancelled => new CollectorException(ErrorClass.Timeout, Descriptor.Name, "the request timed out", cancelled),
        _ => new CollectorException(ErrorClass.BadPayload, Descriptor.Name, ex.Message, ex),
    };
}
