using Halyard.Domain;
using static Halyard.Risk.Validator;

namespace Halyard.Risk;

/// <summary>
/// The rules for one open, in order: structure (fields, coin, live price) first, which stops the
/// judgement when broken; then every guard, each adding its reason; leverage and value are clamped
/// (when the policy says so) before the margin and minimum-order checks that depend on them.
/// </summary>
internal sealed partial class OpenRules(int index, TradingDecision d, ValidationContext ctx, BatchTally tally)
{
    private readonly List<RuleViolation> _violations = [];
    private readonly List<Adjustment> _adjustments = [];
    private readonly RiskLimits _limits = ctx.Limits;
    private readonly GuardSwitches _guards = ctx.Guards;
    private readonly PositionSide _side = d.Action == DecisionAction.OpenLong ? PositionSide.Long : PositionSide.Short;

    /// <summary>The held position this open adds to (scaling in), or null for an open of a new position.</summary>
    private Position? _addTo;

    /// <summary>The value of the held position at the live price (0 for a new position): the guards judge it plus this open.</summary>
    private decimal _existing;

    public Verdict Judge()
    {
        CheckFields();
        if (_violations.Count > 0)
        {
            return Verdict.Reject(index, d, _violations);
        }

        _addTo = _guards.ScaleIn && ctx.Account.PositionOf(d.Symbol) is { } held && held.Side == _side ? held : null;

        var coin = d.Symbol;
        var (rules, asset) = (ctx.Instruments.GetValueOrDefault(coin), ctx.Assets.GetValueOrDefault(coin));
        if (rules is null)
        {
            Violate(ReasonCode.UnknownSymbol, $"{coin} is not in the venue's universe");
        }
        else if (rules.IsDelisted)
        {
            Violate(ReasonCode.DelistedSymbol, $"{coin} is delisted");
        }
        else if (asset is null || asset.LivePrice <= 0m)
        {
            Violate(ReasonCode.NoLivePrice, $"no live price for {coin}");
        }

        if (rules is null || asset is null || _violations.Count > 0)
        {
            return Verdict.Reject(index, d, _violations);
        }

        var price = asset.LivePrice;
        _existing = _addTo is null ? 0m : _addTo.AbsSize * price;
        var rr = CheckPrices(price);
        CheckConfidence();
        CheckPositionConflicts(coin);
        CheckBudgets(coin, asset);
        var leverage = ClampLeverage(rules, AddLeverage());
        var value = ClampValue(rules);
        value = ClampLoss(rules, price, value);
        CheckMargin(leverage, value);
        CheckMinOrder(rules, price, value);
        var open = CheckLiquidation(rules, price, leverage, value);

        if (_violations.Count > 0)
        {
            return Verdict.Reject(index, d, _violations, price, rr);
        }

        tally.AcceptOpen(open);
        return _adjustments.Count == 0
            ? Verdict.Accept(index, d, price, rr)
            : Verdict.Adjust(index, d, d with { Leverage = leverage, PositionSizeUsd = value }, _adjustments, price, rr);
    }

    private void CheckFields()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Symbol))
        {
            missing.Add("symbol");
        }

        AddIfNull(missing, "leverage", d.Leverage);
        AddIfNull(missing, "position_size_usd", d.PositionSizeUsd);
        AddIfNull(missing, "stop_loss", d.StopLoss);
        AddIfNull(missing, "take_profit", d.TakeProfit);
        if (_guards.MinConfidence)
        {
            AddIfNull(missing, "confidence", d.Confidence);
        }

        if (missing.Count > 0)
        {
            Violate(ReasonCode.MissingField, $"missing: {string.Join(", ", missing)}");
        }

        var invalid = new List<string>();
        if (d.Leverage is < 1)
        {
            invalid.Add(Fmt($"leverage {d.Leverage} < 1"));
        }

        foreach (var (name, value) in new[] { ("position_size_usd", d.PositionSizeUsd), ("stop_loss", d.StopLoss), ("take_profit", d.TakeProfit) })
        {
            if (value is <= 0m)
            {
                invalid.Add(Fmt($"{name} {value} <= 0"));
            }
        }

        if (invalid.Count > 0)
        {
            Violate(ReasonCode.InvalidField, string.Join(", ", invalid));
        }

        if (d.Confidence is < 0 or > 100)
        {
            Violate(ReasonCode.ConfidenceOutOfRange, Fmt($"confidence {d.Confidence} is outside [0, 100]"));
        }
    }

    private void CheckConfidence()
    {
        var min = ctx.MinConfidence;
        if (_guards.MinConfidence && d.Confidence < min)
        {
            var gated = min != _limits.MinConfidence ? " (raised while gated)" : "";
            Violate(ReasonCode.ConfidenceBelowMin, Fmt($"confidence {d.Confidence} < {min}{gated}"));
        }
    }

    /// <summary>The stop and target against the live price; returns reward / risk when they are on the right sides.</summary>
    private decimal? CheckPrices(decimal price)
    {
        var (sl, tp) = (d.StopLoss!.Value, d.TakeProfit!.Value);
        var ok = _side == PositionSide.Long ? tp > price && price > sl : sl > price && price > tp;
        if (!ok)
        {
            var rule = _side == PositionSide.Long ? "take_profit > price > stop_loss" : "stop_loss > price > take_profit";
            Violate(ReasonCode.PriceRelationInvalid, Fmt($"a {Side(_side)} needs {rule}; live price {price}, stop_loss {sl}, take_profit {tp}"));
            return null;
        }

        var rr = Math.Abs(tp - price) / Math.Abs(price - sl);
        if (_guards.RiskReward && rr < _limits.MinRiskRewardRatio)
        {
            Violate(ReasonCode.RrBelowMin, Fmt($"reward/risk {decimal.Round(rr, 4)} from live price {price} < {_limits.MinRiskRewardRatio}"));
        }

        return rr;
    }

    private void CheckPositionConflicts(string coin)
    {
        if (_addTo is not null)
        {
            var adds = ctx.AddsBySymbol.GetValueOrDefault(coin);
            if (adds >= _limits.MaxAddsPerPosition)
            {
                Violate(ReasonCode.MaxAddsReached, Fmt($"{coin} has been added to {adds} time(s), max_adds_per_position {_limits.MaxAddsPerPosition}"));
            }

            if (tally.OpenedSide(coin) is not null || tally.Closed(coin))
            {
                Violate(ReasonCode.DuplicateSymbolInBatch, $"{coin} already has an accepted decision earlier in the batch");
            }

            return;
        }

        if (ctx.Account.PositionOf(coin) is { } held)
        {
            if (held.Side != _side)
            {
                Violate(ReasonCode.WouldHedge, Fmt($"{coin} is held {Side(held.Side)}"));
            }
            else if (_guards.NoPyramiding)
            {
                Violate(ReasonCode.WouldPyramid, Fmt($"{coin} is already held {Side(held.Side)}"));
            }
        }
        else if (tally.OpenedSide(coin) is { } opened)
        {
            if (opened != _side)
            {
                Violate(ReasonCode.WouldHedge, Fmt($"{coin} is opened {Side(opened)} earlier in the batch"));
            }
            else if (_guards.NoPyramiding)
            {
                Violate(ReasonCode.DuplicateSymbolInBatch, $"{coin} is already opened earlier in the batch");
            }
        }
    }

    private void CheckBudgets(string coin, AssetContext asset)
    {
        if (ctx.OpensPaused && _guards.Gating)
        {
            Violate(ReasonCode.OpensPaused, "new opens are paused after a Sharpe breach");
        }

        if (ctx.SafeMode)
        {
            Violate(ReasonCode.OpensPaused, "new opens are paused: safe mode after repeated model failures, or an operator's pause");
        }

        if (ctx.BreakersTripped.Count > 0)
        {
            Violate(ReasonCode.CircuitBreakerTripped, $"new opens are stopped by the circuit breaker(s): {string.Join(", ", ctx.BreakersTripped)}");
        }

        if (_guards.Cooldown && ctx.RecentlyClosed.TryGetValue(coin, out var closedAt) && ctx.Now - closedAt < _limits.CooldownAfterClose)
        {
            Violate(ReasonCode.CooldownActive, Fmt($"{coin} was closed {ctx.Now - closedAt} ago, cooldown {_limits.CooldownAfterClose}"));
        }

        if (_guards.Liquidity && asset.OpenInterestUsd < _limits.LiquidityThresholdUsd)
        {
            Violate(ReasonCode.LiquidityBelowThreshold, Fmt($"open interest x mark = {asset.OpenInterestUsd} USD < {_limits.LiquidityThresholdUsd}"));
        }

        var held = ctx.OpenPositionCount + tally.NewPositions;
        if (_guards.MaxPositions && _addTo is null && held >= _limits.MaxPositions)
        {
            Violate(ReasonCode.MaxPositionsReached, Fmt($"{ctx.OpenPositionCount} held + {tally.NewPositions} opened in this batch >= max_positions {_limits.MaxPositions}"));
        }

        if (_guards.NewOpensPerCycle && tally.Opens >= _limits.MaxNewPositionsPerCycle)
        {
            Violate(ReasonCode.CycleOpenCapReached, Fmt($"{tally.Opens} opened in this batch >= max_new_positions_per_cycle {_limits.MaxNewPositionsPerCycle}"));
        }

        var lastHour = ctx.OpensInLastHour + tally.Opens;
        if (_guards.NewOpensPerHour && lastHour >= _limits.MaxNewPositionsPerHour)
        {
            Violate(ReasonCode.HourlyOpenCapReached, Fmt($"{ctx.OpensInLastHour} in the last hour + {tally.Opens} in this batch >= max_new_positions_per_hour {_limits.MaxNewPositionsPerHour}"));
        }
    }

    /// <summary>min(major/alt cap, asset max); the asset max applies even with the leverage_cap guard off.</summary>
    /// <summary>A scale-in uses the held position's leverage (the venue sets one leverage per asset): an adjustment when the decision asked for another.</summary>
    private int AddLeverage()
    {
        var requested = d.Leverage!.Value;
        if (_addTo is null || _addTo.Leverage < 1 || _addTo.Leverage == requested)
        {
            return requested;
        }

        _adjustments.Add(new Adjustment("leverage", requested, _addTo.Leverage, ReasonCode.ScaleInLeverage,
            Fmt($"an add to the {d.Symbol} position uses its leverage {_addTo.Leverage}x, not {requested}x")));
        return _addTo.Leverage;
    }

    private int ClampLeverage(InstrumentRules rules, int requested)
    {
        var configured = _limits.IsMajor(d.Symbol) ? _limits.MajorCoinLeverage : _limits.AltcoinLeverage;
        var cap = _guards.LeverageCap ? Math.Min(configured, rules.MaxLeverage) : rules.MaxLeverage;
        if (requested <= cap)
        {
            return requested;
        }

        var why = Fmt($"leverage {requested} > cap {cap} (configured {configured}, asset max {rules.MaxLeverage})");
        if (_limits.LeverageOverCap == LeverageOverCapPolicy.Deny)
        {
            Violate(ReasonCode.LeverageAboveCap, why);
            return requested;
        }

        _adjustments.RemoveAll(a => a.Field == "leverage");
        _adjustments.Add(new Adjustment("leverage", d.Leverage!.Value, cap, ReasonCode.LeverageAboveCap, why));
        return cap;
    }

    /// <summary>The value bands (equity multiples) and max_position_size_usd: clamp or deny above, reject below.</summary>
    private decimal ClampValue(InstrumentRules rules)
    {
        var requested = d.PositionSizeUsd!.Value;
        var major = _limits.IsMajor(d.Symbol);
        var (minMultiple, maxMultiple) = major
            ? (_limits.BtcEthPositionValueMinEquityMultiple, _limits.BtcEthPositionValueMaxEquityMultiple)
            : (_limits.AltPositionValueMinEquityMultiple, _limits.AltPositionValueMaxEquityMultiple);
        var band = major ? "BTC/ETH" : "altcoin";
        var equity = ctx.Equity;
        var bandsApply = _guards.ValueBands && equity > 0m;
        if (equity <= 0m && (_guards.ValueBands || _guards.MarginUsage))
        {
            Violate(ReasonCode.NoEquity, Fmt($"equity {equity} <= 0"));
        }

        // A scale-in is judged as the combined position: the held value at the live price plus this open.
        var existing = _existing;
        var combined = existing + requested;
        var held = existing > 0m ? Fmt($"held {decimal.Round(existing, 2)} + add {requested} = ") : "";
        var caps = new List<(decimal Cap, ReasonCode Code, string Why)>();
        if (bandsApply && combined > maxMultiple * equity)
        {
            caps.Add((maxMultiple * equity, ReasonCode.ValueAboveBand,
                Fmt($"value {held}{combined} > {band} band max {maxMultiple} x equity {equity} = {maxMultiple * equity}")));
        }

        if (_guards.MaxPositionSize && combined > _limits.MaxPositionSizeUsd)
        {
            caps.Add((_limits.MaxPositionSizeUsd, ReasonCode.SizeAboveMax, Fmt($"value {held}{combined} > max_position_size_usd {_limits.MaxPositionSizeUsd}")));
        }

        var value = requested;
        if (caps.Count > 0)
        {
            var binding = caps.MinBy(c => c.Cap);
            if (_limits.SizeOverCap == SizeOverCapPolicy.Deny || binding.Cap - existing <= 0m)
            {
                caps.ForEach(c => Violate(c.Code, c.Why + (binding.Cap - existing <= 0m && existing > 0m ? "; the held position already fills it" : "")));
            }
            else
            {
                value = binding.Cap - existing;
                _adjustments.Add(new Adjustment("position_size_usd", requested, value, binding.Code, binding.Why));
            }
        }

        if (bandsApply && existing + value < minMultiple * equity)
        {
            var clamped = value != requested ? Fmt($" (after clamping {requested} to {value})") : "";
            Violate(ReasonCode.ValueBelowBand, Fmt($"value {held}{existing + value}{clamped} < {band} band min {minMultiple} x equity {equity} = {minMultiple * equity}"));
        }

        return value;
    }

    /// <summary>(used + accepted earlier in the batch + this one's margin) / equity ≤ max_margin_usage_pct.</summary>
    private void CheckMargin(int leverage, decimal value)
    {
        if (!_guards.MarginUsage || ctx.Equity <= 0m)
        {
            return;
        }

        var used = ctx.Account.TotalMarginUsed;
        var margin = value / leverage;
        var total = used + tally.Margin + margin;
        if (total * 100m > ctx.Equity * _limits.MaxMarginUsagePct)
        {
            Violate(ReasonCode.MarginUsageExceeded, Fmt(
                $"margin used {used} + batch {tally.Margin} + new {margin} = {total} > {_limits.MaxMarginUsagePct} % of equity {ctx.Equity}"));
        }
    }

    /// <summary>The size in coins, rounded down to the coin's decimals, must still be worth the minimum order value.</summary>
    private void CheckMinOrder(InstrumentRules rules, decimal price, decimal value)
    {
        var minimum = Math.Max(InstrumentRules.MinOrderValueUsd, _limits.MinOrderValueUsd);
        var size = rules.RoundSizeDown(value / price);
        var worth = size * price;
        if (worth < minimum)
        {
            Violate(ReasonCode.BelowMinOrderValue, Fmt($"size {size} {rules.Name} at {price} is worth {worth} < {minimum} USD"));
        }
    }

    private static void AddIfNull<T>(List<string> missing, string name, T? value)
        where T : struct
    {
        if (value is null)
        {
            missing.Add(name);
        }
    }

    private void Violate(ReasonCode code, string detail) => _violations.Add(new RuleViolation(code, detail));
}
