using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Halyard.Domain;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// Maps one decision item to a <see cref="ParsedDecision"/>. An item without a readable action or symbol
/// is dropped (with an error); an item whose fields are invalid or whose open lacks a required field is
/// kept, flagged with its issues, and never handed on for execution.
/// </summary>
internal static partial class DecisionMapper
{
    public static ParsedDecision? Map(DecisionItem item, int index, ParseOptions options, ICollection<string> repairs, ICollection<string> errors)
    {
        var obj = JsonKeys.Unwrap(item.Element);
        if (JsonKeys.IsWrapped(item.Element))
        {
            repairs.Add($"item {index}: fields read from '{JsonKeys.SignalArgs}'");
        }

        if (obj.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"item {index}: not an object");
            return null;
        }

        var symbol = ReadSymbol(obj, item.CoinKey, index, options, repairs, errors);
        if (symbol is null)
        {
            return null;
        }

        if (!JsonKeys.TryGet(obj, JsonKeys.Action, out var actionElement, out var actionKey) || actionElement.ValueKind != JsonValueKind.String)
        {
            errors.Add($"item {index} ({symbol}): no action");
            return null;
        }

        if (!string.Equals(actionKey, "action", StringComparison.Ordinal))
        {
            repairs.Add($"item {index}: '{actionKey}' read as action");
        }

        var (sideText, _) = FieldReader.Text(obj, JsonKeys.Side, "side");
        var side = ActionReader.ReadSide(sideText) ?? (options.PositionSides.TryGetValue(symbol, out var held) ? held : null);
        var action = ActionReader.Read(actionElement.GetString() ?? string.Empty, side, out var actionRepair, out var actionIssue);
        if (action is null)
        {
            errors.Add($"item {index} ({symbol}): {actionIssue}");
            return null;
        }

        Note(repairs, index, actionRepair);
        var issues = new List<string>();
        var fields = new FieldSet(obj, index, issues, repairs);
        var entry = fields.Positive(JsonKeys.EntryPrice, "entry_price", NumberDecor.Dollar);
        var stop = fields.Positive(JsonKeys.StopLoss, "stop_loss", NumberDecor.Dollar);
        var take = fields.Positive(JsonKeys.TakeProfit, "take_profit", NumberDecor.Dollar);
        var risk = fields.NonNegative(JsonKeys.RiskUsd, "risk_usd", NumberDecor.Dollar);
        var leverage = fields.Leverage();
        var confidence = fields.Confidence();
        var size = fields.Positive(JsonKeys.PositionSizeUsd, "position_size_usd", NumberDecor.Dollar);
        var isClose = action is DecisionAction.CloseLong or DecisionAction.CloseShort;
        var fraction = isClose ? fields.CloseFraction() : null;
        if (isClose && ActionReader.IsPartialClose(actionElement.GetString() ?? string.Empty)
            && fraction is null && size is null && !fields.Invalid.Contains("close_fraction") && !fields.Invalid.Contains("position_size_usd"))
        {
            issues.Add($"action \"{actionElement.GetString()}\" closes part of the position: it needs close_fraction (0–1) or position_size_usd");
        }

        var isOpen = action is DecisionAction.OpenLong or DecisionAction.OpenShort;
        if (isOpen && size is null && !fields.Present(JsonKeys.PositionSizeUsd))
        {
            size = SizeFromQuantity(fields, symbol, entry, options);
        }

        var (reasoning, reasoningRepair) = FieldReader.Text(obj, JsonKeys.Reasoning, "reasoning");
        Note(repairs, index, reasoningRepair);
        var (invalidation, invalidationRepair) = FieldReader.Text(obj, JsonKeys.Invalidation, "invalidation_condition");
        Note(repairs, index, invalidationRepair);

        if (isOpen)
        {
            Require(issues, leverage, "leverage", fields);
            Require(issues, size, "position_size_usd", fields);
            Require(issues, stop, "stop_loss", fields);
            Require(issues, take, "take_profit", fields);
        }

        var decision = new TradingDecision(symbol, action.Value, leverage, size, entry, stop, take, confidence, risk, reasoning, invalidation, fraction);
        return new ParsedDecision(index, decision, issues);
    }

    private static void Require<T>(List<string> issues, T? value, string field, FieldSet fields)
        where T : struct
    {
        if (value is null && !fields.Invalid.Contains(field))
        {
            issues.Add($"{field} is required for an open");
        }
    }

    private static decimal? SizeFromQuantity(FieldSet fields, string symbol, decimal? entry, ParseOptions options)
    {
        var quantity = fields.Positive(JsonKeys.Quantity, "quantity", NumberDecor.None);
        if (quantity is null)
        {
            return null;
        }

        var price = entry ?? (options.ReferencePrices.TryGetValue(symbol, out var p) ? p : (decimal?)null);
        if (price is null)
        {
            fields.Issue("position_size_usd", $"position_size_usd is missing and quantity {quantity.Value.ToString(CultureInfo.InvariantCulture)} (coins) cannot be priced without an entry or reference price");
            return null;
        }

        var usd = quantity.Value * price.Value;
        fields.Repair($"quantity {quantity.Value.ToString(CultureInfo.InvariantCulture)} {symbol} × price {price.Value.ToString(CultureInfo.InvariantCulture)} read as position_size_usd {usd.ToString(CultureInfo.InvariantCulture)}");
        return usd;
    }

    private static string? ReadSymbol(JsonElement obj, string? coinKey, int index, ParseOptions options, ICollection<string> repairs, ICollection<string> errors)
    {
        string? fromField = null;
        if (JsonKeys.TryGet(obj, JsonKeys.Symbol, out var s, out var key) && s.ValueKind == JsonValueKind.String)
        {
            fromField = NormalizeSymbol(s.GetString() ?? string.Empty, options);
            if (!string.Equals(key, "symbol", StringComparison.Ordinal))
            {
                repairs.Add($"item {index}: '{key}' read as symbol");
            }
        }

        var fromKey = coinKey is null ? null : NormalizeSymbol(coinKey, options);
        if (fromField is not null && fromKey is not null && !string.Equals(fromField, fromKey, StringComparison.Ordinal))
        {
            errors.Add($"item {index}: key '{coinKey}' and symbol '{s.GetString()}' disagree");
            return null;
        }

        var symbol = fromField ?? fromKey;
        if (symbol is null)
        {
            errors.Add($"item {index}: no symbol");
            return null;
        }

        var written = fromField is not null ? s.GetString() : coinKey;
        if (!string.Equals(symbol, written, StringComparison.Ordinal))
        {
            repairs.Add($"item {index}: symbol '{written}' read as {symbol}");
        }

        return symbol;
    }

    /// <summary>
    /// "BTC/USDT:USDT", "BTC-PERP", "btc" → "BTC". A known symbol (from the cycle) restores its exact case
    /// (e.g. "kPEPE"); otherwise an all-lowercase name is upper-cased and a mixed-case one is kept.
    /// Returns null when nothing symbol-like remains.
    /// </summary>
    internal static string? NormalizeSymbol(string text, ParseOptions options)
    {
        var s = text.Trim();
        var cut = s.IndexOfAny(['/', ':']);
        if (cut >= 0)
        {
            s = s[..cut];
        }

        s = PerpSuffix().Replace(s, string.Empty).Trim();
        if (!SymbolShape().IsMatch(s))
        {
            return null;
        }

        var known = options.KnownSymbols.FirstOrDefault(k => string.Equals(k, s, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        return s.Any(char.IsUpper) ? s : s.ToUpperInvariant();
    }

    private static void Note(ICollection<string> repairs, int index, string? repair)
    {
        if (repair is not null)
        {
            repairs.Add($"item {index}: {repair}");
        }
    }

    [GeneratedRegex(@"[-_](?:PERP|USD|USDC|USDT)$", RegexOptions.IgnoreCase)]
    private static partial Regex PerpSuffix();

    [GeneratedRegex(@"^[A-Za-z0-9]{1,20}$")]
    private static partial Regex SymbolShape();
}
