using InvestmentPlatform.Contracts.Ingestion;
using MassTransit;

namespace InvestmentPlatform.IntegrationTests.Hostile;

/// <summary>Completes once the loader has consumed the last DataCollected part of a symbol, whatever it did with it.</summary>
public sealed class LastPartObserver(string symbol) : IConsumeMessageObserver<DataCollected>
{
    private readonly TaskCompletionSource _consumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Consumed => _consumed.Task;

    public Task PreConsume(ConsumeContext<DataCollected> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<DataCollected> context)
    {
        if (context.Message.Symbol == symbol && context.Message.IsLastPart)
            _consumed.TrySetResult();
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<DataCollected> context, Exception exception)
    {
        if (context.Message.Symbol == symbol && context.Message.IsLastPart)
            _consumed.TrySetException(exception);
        return Task.CompletedTask;
    }
}
