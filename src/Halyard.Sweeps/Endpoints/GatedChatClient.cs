using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Halyard.Sweeps.Endpoints;

/// <summary>A model client whose every call first takes a lease of its endpoint from the gate and gives it back after.</summary>
internal sealed class GatedChatClient(IChatClient inner, IEndpointGate gate, string endpoint, TimeSpan holdFor, TimeProvider time) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            await ReleaseAsync(lease).ConfigureAwait(false);
        }
    }

    private async Task<Guid?> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var answer = await gate.TryAcquireAsync(endpoint, holdFor, cancellationToken).ConfigureAwait(false);
            if (answer is null)
            {
                return null;
            }

            if (answer.Value.Lease is { } lease)
            {
                return lease;
            }

            var wait = answer.Value.RetryAfter is { } after && after > EndpointGateDecorator.Poll ? after : EndpointGateDecorator.Poll;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task ReleaseAsync(Guid? lease) => lease is { } id ? gate.ReleaseAsync(endpoint, id) : Task.CompletedTask;
}
