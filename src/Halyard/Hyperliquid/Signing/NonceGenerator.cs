namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// Nonces for ONE signer (<c>hyperliquid-protocol.md</c> §8): the ms timestamp, strictly increasing,
/// <c>max(nowMs, last + 1)</c>, lock-free and safe for concurrent callers. Create one per signing key
/// and share it among everything that signs with that key; never static.
/// </summary>
public sealed class NonceGenerator
{
    private readonly TimeProvider _time;
    private long _last;

    public NonceGenerator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>The last nonce handed out (0 before the first).</summary>
    public long Last => Interlocked.Read(ref _last);

    public long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}
