using Halyard.Journal;

namespace Halyard.Cycle;

/// <summary>The cycle's wall-clock measurements (the replay clock stands still during a cycle).</summary>
internal sealed class CycleTiming(TimeProvider wall, long started)
{
    private long _decisionStarted;
    private long _decisionEnded;
    private long _validated;
    private long _executed;
    private IReadOnlyList<OrderLatencyRecord> _orders = [];

    public void DecisionStarted() => _decisionStarted = wall.GetTimestamp();

    public void DecisionEnded() => _decisionEnded = wall.GetTimestamp();

    public void Validated() => _validated = wall.GetTimestamp();

    public void Executed(IReadOnlyList<OrderLatencyRecord> orders)
    {
        _executed = wall.GetTimestamp();
        _orders = orders;
    }

    public WallClockRecord Finish()
    {
        var end = wall.GetTimestamp();
        var total = Ms(started, end);
        var decision = _decisionEnded > 0 ? Ms(_decisionStarted, _decisionEnded) : 0d;
        return new WallClockRecord
        {
            RecordedAt = wall.GetUtcNow(),
            DecisionMs = decision,
            ValidationMs = _validated > 0 ? Ms(_decisionEnded, _validated) : 0d,
            ExecutionMs = _executed > 0 ? Ms(_validated, _executed) : 0d,
            CycleOverheadMs = Math.Max(0d, total - decision),
            OrderLatencies = _orders,
        };
    }

    private double Ms(long from, long to) => wall.GetElapsedTime(from, to).TotalMilliseconds;
}
