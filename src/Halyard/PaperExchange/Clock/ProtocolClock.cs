namespace Halyard.PaperExchange.Clock;

/// <summary>
/// The protocol's clock beside the market's: nonces (the (T − 2 days, T + 1 day) window), <c>expiresAfter</c>
/// and <c>scheduleCancel</c> times are judged on it, because clients sign with their own clock. In the
/// standalone host it is the wall clock (any SDK signs with <c>Date.now()</c>); in-process it is the market
/// clock itself (the replay's client signs on the replay clock). Market data, fills and funding always run on
/// the market clock.
/// </summary>
internal sealed class ProtocolClock
{
    private readonly TimeProvider _market;
    private readonly TimeProvider _protocol;

    public ProtocolClock(TimeProvider market, TimeProvider? protocol)
    {
        _market = market;
        _protocol = protocol ?? market;
    }

    /// <summary>True when the protocol clock is the market clock (replays, tests).</summary>
    public bool IsMarketClock => ReferenceEquals(_market, _protocol);

    public long NowMs() => _protocol.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// The market time at which a protocol time falls: the same instant when both clocks are one; otherwise
    /// the market time now plus the protocol delay, scaled by the replay speed of a <see cref="ScaledClock"/>.
    /// </summary>
    public long ToMarketMs(long protocolMs, long marketNowMs, long protocolNowMs)
    {
        if (IsMarketClock)
        {
            return protocolMs;
        }

        var speed = _market is ScaledClock scaled ? scaled.Speed : 1.0;
        return marketNowMs + (long)Math.Round((protocolMs - protocolNowMs) * speed);
    }
}
