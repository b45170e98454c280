using System.Reflection;
using InvestmentPlatform.Scheduler.Quartz;
using InvestmentPlatform.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;

namespace InvestmentPlatform.Scheduler.Tests;

/// <summary>
/// Quartz's SQLite store disposes its in-process gate when the scheduler shuts down, and a call still waiting at
/// the gate then never returns on its own. The scheduler here stands for that call: it answers only by cancellation.
/// </summary>
public sealed class When_the_application_stops_during_a_reconcile : IAsyncLifetime
{
    private readonly StoppableLifetime _lifetime = new();
    private SqliteBusHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SqliteBusHarness.StartAsync(_ => { }, _ => { }, _ => Task.CompletedTask);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Should_give_up_the_reconcile_as_soon_as_stopping_begins()
    {
        var scheduler = NeverAnsweringScheduler.Create(out var entered);
        var reconciler = new TriggerReconciler(_harness.Provider.GetRequiredService<IServiceScopeFactory>(), new OneScheduler(scheduler),
            _lifetime, Options.Create(new SchedulerOptions()), NullLogger<TriggerReconciler>.Instance);

        var reconcile = reconciler.ReconcileAsync(Guid.NewGuid(), CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(reconcile.IsCompleted);

        _lifetime.StopApplication();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reconcile.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private sealed class StoppableLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => _stopping.Cancel();
    }

    private sealed class OneScheduler(IScheduler scheduler) : ISchedulerFactory
    {
        public ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => new([scheduler]);
        public ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) => new(scheduler);
        public ValueTask<IScheduler?> LookupScheduler(string schedulerName, CancellationToken cancellationToken = default) => new(scheduler);
    }

    /// <summary>Every call waits for its cancellation token, as a call parked at a disposed gate would wait forever.</summary>
    public class NeverAnsweringScheduler : DispatchProxy
    {
        private TaskCompletionSource _entered = null!;

        public static IScheduler Create(out TaskCompletionSource entered)
        {
            var proxy = Create<IScheduler, NeverAnsweringScheduler>();
            entered = ((NeverAnsweringScheduler)(object)proxy)._entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var token = args?.OfType<CancellationToken>().LastOrDefault() ?? CancellationToken.None;
            _entered.TrySetResult();
            var waiting = Task.Delay(Timeout.Infinite, token);
            var returns = method!.ReturnType;
            if (returns == typeof(ValueTask))
                return new ValueTask(waiting);
            var result = returns.GetGenericArguments()[0];
            var typed = typeof(NeverAnsweringScheduler).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(result);
            return typed.Invoke(null, [waiting]);
        }

        private static ValueTask<T> Typed<T>(Task waiting) => new(WaitThenDefault<T>(waiting));

        private static async Task<T> WaitThenDefault<T>(Task waiting)
        {
            await waiting;
            return default!;
        }
    }
}
