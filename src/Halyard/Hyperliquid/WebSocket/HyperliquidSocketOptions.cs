namespace Halyard.Hyperliquid.WebSocket;

/// <summary>
/// Heartbeat and reconnection of a <see cref="HyperliquidSocket"/>. The venue drops a connection that has
/// sent nothing for about 60 s; the Python SDK pings every 50 s, the TypeScript SDK every 30 s and
/// reconnects when no pong comes within 10 s (docs: websocket/timeouts-and-heartbeats).
/// </summary>
public sealed record HyperliquidSocketOptions
{
    /// <summary>How often to send <c>{"method":"ping"}</c>; null = never (a replay on a virtual clock flushes instead).</summary>
    public TimeSpan? PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A ping unanswered for this long means a silent socket: it is aborted and reconnected.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first reconnection delay; it doubles after each failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest message accepted (the venue's webData2 can be large).</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The clock of heartbeats and backoff (the system clock live, a fake in tests).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>The delay before reconnection attempt <paramref name="attempt"/> (0 = the first retry).</summary>
    public TimeSpan BackoffFor(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(ReconnectDelay.Ticks * factor, MaxReconnectDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
