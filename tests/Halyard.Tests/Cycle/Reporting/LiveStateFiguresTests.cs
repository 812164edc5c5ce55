using Halyard.Cycle.Reporting;
using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Tests.Cycle.Reporting;

public sealed class LiveStateFiguresTests
{
    private static readonly DateTimeOffset T0 = new(2025, 7, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SiblingLive_FiredStopsAndTheirTargets_GivesMedianAndMaximumFromTheFire()
    {
        IReadOnlyList<OrderStatusReport> history =
        [
            Report(1, "BTC", "Stop Market", T0, "filled", T0.AddMinutes(10)),
            Report(2, "BTC", "Take Profit Market", T0, "canceled", T0.AddMinutes(12)),
            Report(3, "ETH", "Take Profit Market", T0.AddHours(1), "filled", T0.AddHours(2)),
            Report(4, "ETH", "Stop Market", T0.AddHours(1), "canceled", T0.AddHours(2)),
            Report(5, "SOL", "Stop Market", T0.AddHours(3), "filled", T0.AddHours(4)),
            Report(6, "SOL", "Take Profit Market", T0.AddHours(3), "open", T0.AddHours(3)),
            Report(7, "DOGE", "Stop Market", T0, "filled", T0.AddMinutes(5)), // no sibling: not counted
        ];

        var stats = LiveStateFigures.SiblingLive(history, T0.AddHours(4).AddMinutes(1), TimeSpan.FromSeconds(30));

        Assert.Equal(3, stats.Samples);
        Assert.Equal(60d, stats.MedianSeconds); // 120 s, 0 s and 60 s (still open at the end)
        Assert.Equal(120d, stats.MaxSeconds);
    }

    [Fact]
    public void SiblingLive_NoFire_GivesNoSamples() =>
        Assert.Equal(new SiblingLiveStats(0, null, null), LiveStateFigures.SiblingLive([Report(1, "BTC", "Stop Market", T0, "open", T0)], T0.AddHours(1), TimeSpan.FromSeconds(30)));

    private static OrderStatusReport Report(long oid, string coin, string type, DateTimeOffset placed, string status, DateTimeOffset at) =>
        new(new OpenOrder(coin, OrderSide.Sell, 1m, 1m, oid, null, true, true, 1m, type, placed), 1m, null, status, at);
}
