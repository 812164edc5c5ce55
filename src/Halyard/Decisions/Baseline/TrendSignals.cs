using System.Globalization;
using Halyard.MarketData;

namespace Halyard.Decisions.Baseline;

/// <summary>The baseline's reading of one snapshot: 4h trend, intraday timing, 4h ATR.</summary>
internal sealed record TrendSignals(
    int Trend,
    double Ema20H4,
    double Ema50H4,
    double Atr14H4,
    double Rsi14,
    double Macd,
    double MacdSignal,
    double Ema20Intraday,
    double Ema50Intraday,
    double Price)
{
    /// <summary>Null when a series the rules need is empty.</summary>
    public static TrendSignals? Read(MarketSnapshot s)
    {
        var h4 = s.FourHour;
        var m = s.Intraday;
        if (h4.Ema20.Count == 0 || h4.Ema50.Count == 0 || h4.Atr14.Count == 0 || m.Rsi14.Count == 0 || m.Macd.Count == 0
            || m.MacdSignal.Count == 0 || m.Ema20.Count == 0 || m.Ema50.Count == 0)
        {
            return null;
        }

        var trend = h4.Ema20[^1].CompareTo(h4.Ema50[^1]);
        return new TrendSignals(trend, h4.Ema20[^1], h4.Ema50[^1], h4.Atr14[^1], m.Rsi14[^1], m.Macd[^1], m.MacdSignal[^1], m.Ema20[^1], m.Ema50[^1], (double)s.Price);
    }

    public bool Up => Trend > 0;

    public bool Down => Trend < 0;

    /// <summary>Confirmations that agree with the 4h trend direction.</summary>
    public IReadOnlyList<string> Confirmations(int direction)
    {
        var list = new List<string>();
        if (Math.Sign(Price - Ema20H4) == direction)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"price {F(Price)} {(direction > 0 ? "above" : "below")} 4h EMA20 {F(Ema20H4)}"));
        }

        if (Math.Sign(Macd - MacdSignal) == direction)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"intraday MACD {F(Macd)} {(direction > 0 ? "above" : "below")} signal {F(MacdSignal)}"));
        }

        if (Math.Sign(Ema20Intraday - Ema50Intraday) == direction)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture, $"intraday EMA20 {F(Ema20Intraday)} {(direction > 0 ? "above" : "below")} EMA50 {F(Ema50Intraday)}"));
        }

        return list;
    }

    public string TrendText =>
        string.Create(CultureInfo.InvariantCulture, $"4h EMA20 {F(Ema20H4)} {(Up ? ">" : Down ? "<" : "=")} EMA50 {F(Ema50H4)} ({(Up ? "uptrend" : Down ? "downtrend" : "no trend")})");

    internal static string F(double v) => Prompting.PromptFormat.Sig(v);
}
