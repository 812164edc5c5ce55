using System.Text.Json;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// The field names of the contract and the documented synonyms read from other agents' formats
/// (docs/decision-makers.md). Keys match case-insensitively; the first synonym present wins.
/// </summary>
internal static class JsonKeys
{
    public static readonly string[] Action = ["action", "signal", "decision", "trade_action"];
    public static readonly string[] Symbol = ["symbol", "coin", "asset", "ticker", "pair"];
    public static readonly string[] Leverage = ["leverage"];
    public static readonly string[] PositionSizeUsd = ["position_size_usd", "size_usd", "notional_usd", "position_value_usd", "position_usd"];
    public static readonly string[] Quantity = ["quantity", "qty"];
    public static readonly string[] EntryPrice = ["entry_price", "limit_price"];
    public static readonly string[] StopLoss = ["stop_loss", "sl", "stoploss", "stop_price"];
    public static readonly string[] TakeProfit = ["take_profit", "profit_target", "tp", "takeprofit", "target_price"];
    public static readonly string[] Confidence = ["confidence"];
    public static readonly string[] RiskUsd = ["risk_usd"];
    public static readonly string[] Reasoning = ["reasoning", "justification", "reason", "rationale"];
    public static readonly string[] Invalidation = ["invalidation_condition", "invalidation"];
    public static readonly string[] CloseFraction = ["close_fraction", "fraction", "close_ratio", "reduce_fraction", "portion"];
    public static readonly string[] ClosePercent = ["close_percent", "close_pct", "percent_to_close", "reduce_percent"];
    public static readonly string[] Side = ["side", "position_side", "direction"];
    public static readonly string[] Lists = ["decisions", "trading_decisions", "actions", "orders", "trades"];
    public static readonly string[] Singles = ["decision", "trading_decision"];
    public static readonly string[] Cot = ["chain_of_thought", "cot", "thinking", "reasoning_trace"];
    public const string SignalArgs = "trade_signal_args";

    /// <summary>Finds the first property among <paramref name="names"/>; reports the name as written.</summary>
    public static bool TryGet(JsonElement obj, string[] names, out JsonElement value, out string key)
    {
        foreach (var name in names)
        {
            foreach (var p in obj.EnumerateObject())
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = p.Value;
                    key = p.Name;
                    return true;
                }
            }
        }

        value = default;
        key = string.Empty;
        return false;
    }

    /// <summary>True when the object carries an action as a string (the mark of a decision item).</summary>
    public static bool HasAction(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object
        && TryGet(obj, Action, out var v, out _)
        && v.ValueKind == JsonValueKind.String;

    /// <summary>The decision fields, unwrapping nof1's <c>{"trade_signal_args": {...}}</c> envelope.</summary>
    public static JsonElement Unwrap(JsonElement obj) =>
        IsWrapped(obj) ? obj.GetProperty(SignalArgs) : obj;

    /// <summary>True for nof1's <c>{"trade_signal_args": {...}}</c> envelope around the decision fields.</summary>
    public static bool IsWrapped(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object
        && !HasAction(obj)
        && obj.TryGetProperty(SignalArgs, out var inner)
        && inner.ValueKind == JsonValueKind.Object;
}
