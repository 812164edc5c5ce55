namespace Halyard.Cycle.Reactions;

/// <summary>
/// Runs reactions one after the other, in the order they were queued. The traders of one account share one
/// (their reactions to one event then happen in trader order, which keeps a replay deterministic).
/// </summary>
public sealed class ReactionSequence
{
    private readonly Lock _lock = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Queues <paramref name="work"/> after everything queued so far.</summary>
    public void Enqueue(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_lock)
        {
            _tail = After(_tail, work);
        }
    }

    /// <summary>Completes when everything queued so far has run.</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _tail;
        }
    }

    private static async Task After(Task previous, Func<Task> work)
    {
        await previous.ConfigureAwait(false);
        await work().ConfigureAwait(false);
    }
}
