using Halyard.Decisions;
using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Risk;

namespace Halyard.Tests.Decisions;

/// <summary>Synthetic contexts and snapshots for the Decisions tests.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Now = new(2025, 7, 20, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, InstrumentRules> Meta = new Dictionary<string, InstrumentRules>
    {
        ["BTC"] = new("BTC", 0, 5, 40),
        ["ETH"] = new("ETH", 1, 4, 25),
        ["SOL"] = new("SOL", 5, 2, 20),
        ["DOGE"] = new("DOGE", 12, 0, 10),
    };

    /// <summary>A series of <paramref name="n"/> values stepping from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<double> Ramp(double from, double to, int n = 10) =>
        Enumerable.Range(0, n).Select(i => from + ((to - from) * i / (n - 1))).ToArray();

    public static IndicatorSeries Series(
        string interval,
        double close,
        double ema20,
        double ema50,
        double rsi14 = 55,
        double macd = 1,
        double signal = 0.5,
        double atr14 = 1)
    {
        IReadOnlyList<double> Flat(double v) => Enumerable.Repeat(v, 10).ToArray();
        return new IndicatorSeries(interval, Ramp(close * 0.99, close), Flat(ema20), Flat(ema50), Flat(rsi14), Flat(rsi14), Flat(macd), Flat(signal), Flat(atr14 / 2), Flat(atr14), Flat(1000));
    }

    public static MarketSnapshot Snapshot(
        string coin,
        decimal price,
        IndicatorSeries? intraday = null,
        IndicatorSeries? fourHour = null,
        decimal openInterestCoins = 1_000_000_000m)
    {
        var p = (double)price;
        return new MarketSnapshot(
            coin,
            price,
            price,
            0.4m,
            -1.2m,
            openInterestCoins,
            0.0000125m,
            intraday ?? Series("3m", p, p * 0.999, p * 0.998),
            fourHour ?? Series("4h", p, p * 0.99, p * 0.98, atr14: p * 0.01));
    }

    /// <summary>An uptrend on 4h with every intraday confirmation for a long.</summary>
    public static MarketSnapshot Uptrend(string coin, decimal price) =>
        Snapshot(
            coin,
            price,
            Series("3m", (double)price, (double)price * 0.999, (double)price * 0.998, rsi14: 58, macd: 2, signal: 1),
            Series("4h", (double)price, (double)price * 0.99, (double)price * 0.97, atr14: (double)price * 0.01));

    /// <summary>A downtrend on 4h with every intraday confirmation for a short.</summary>
    public static MarketSnapshot Downtrend(string coin, decimal price) =>
        Snapshot(
            coin,
            price,
            Series("3m", (double)price, (double)price * 1.001, (double)price * 1.002, rsi14: 42, macd: -2, signal: -1),
            Series("4h", (double)price, (double)price * 1.01, (double)price * 1.03, atr14: (double)price * 0.01));

    public static Position Long(string coin, decimal size, decimal entry, decimal margin = 100m) =>
        new(coin, size, entry, size * entry, 0m, margin, 5, true, entry * 0.8m);

    public static Position Short(string coin, decimal size, decimal entry, decimal margin = 100m) =>
        new(coin, -size, entry, size * entry, 0m, margin, 5, true, entry * 1.2m);

    public static DecisionContext Context(
        decimal equity = 10_000m,
        decimal marginUsed = 0m,
        IReadOnlyList<Position>? positions = null,
        IReadOnlyList<MarketSnapshot>? snapshots = null,
        RiskLimits? limits = null,
        IReadOnlyList<string>? candidates = null)
    {
        var snaps = snapshots ?? [Uptrend("SOL", 180m)];
        var held = positions ?? [];
        return new DecisionContext
        {
            Time = Now,
            TraderId = "t01",
            Cycle = 7,
            Account = new AccountSnapshot(equity, marginUsed, held.Sum(p => p.PositionValue), equity - marginUsed, held, Now),
            Candidates = candidates ?? snaps.Select(s => s.Coin).ToArray(),
            Snapshots = snaps.ToDictionary(s => s.Coin),
            AssetMeta = Meta,
            Limits = limits ?? new RiskLimits(),
        };
    }
}
