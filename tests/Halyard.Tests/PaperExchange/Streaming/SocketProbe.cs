using System.Collections.Concurrent;
using Halyard.Hyperliquid.WebSocket;

namespace Halyard.Tests.PaperExchange.Streaming;

/// <summary>A <see cref="HyperliquidSocket"/> that records every message it is handed, with a bounded wait for one.</summary>
internal sealed class SocketProbe : IAsyncDisposable
{
    private readonly ConcurrentQueue<WsMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public SocketProbe(WebSocketConnector connector, TimeProvider time, TimeSpan? ping = null)
    {
        Socket = new HyperliquidSocket(
            connector,
            m =>
            {
                _messages.Enqueue(m);
                _arrived.Release();
                return ValueTask.CompletedTask;
            },
            new HyperliquidSocketOptions { Time = time, PingInterval = ping, ReconnectDelay = TimeSpan.Zero });
    }

    public HyperliquidSocket Socket { get; }

    public IReadOnlyList<WsMessage> Messages => [.. _messages];

    public IEnumerable<T> All<T>() => _messages.OfType<T>();

    /// <summary>Waits (at most 10 s of real time) until a message satisfies <paramref name="match"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null)
        where T : WsMessage
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_messages.OfType<T>().FirstOrDefault(m => match?.Invoke(m) ?? true) is { } found)
            {
                return found;
            }

            await _arrived.WaitAsync(timeout.Token);
        }
    }

    public async Task StartAsync(params WsSubscription[] subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            await Socket.SubscribeAsync(subscription, CancellationToken.None);
        }

        Socket.Start();
        await WaitForAsync<WsConnected>();
        foreach (var subscription in subscriptions)
        {
            await WaitForAsync<WsSubscriptionAck>(a => a.Subscription == subscription);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Socket.DisposeAsync();
        _arrived.Dispose();
    }
}
