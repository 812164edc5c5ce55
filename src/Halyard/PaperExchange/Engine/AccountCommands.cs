using Halyard.PaperExchange.Market;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary><c>updateLeverage</c>, <c>updateIsolatedMargin</c>, <c>scheduleCancel</c> and the user-signed <c>approveAgent</c>.</summary>
internal sealed class AccountCommands(VenueState state, MarginCalculator margin, Clock.ProtocolClock protocol)
{
    private const int MaxScheduledCancelsPerDay = 10;
    private const long MinScheduleLeadMs = 5_000;
    private const int MaxNamedAgents = 3;

    public ExchangeResult UpdateLeverage(Account account, ReceivedUpdateLeverageAction action, long nowMs)
    {
        if (!state.Market.IsValidAsset(action.Asset))
        {
            return new ErrResult(VenueTexts.UnknownAsset(action.Asset));
        }

        var rules = state.Market.Asset(action.Asset);
        if (action.Leverage < 1 || action.Leverage > rules.MaxLeverage)
        {
            return new ErrResult(VenueTexts.InvalidLeverage);
        }

        if (action.IsCross && rules.OnlyIsolated)
        {
            return new ErrResult(VenueTexts.CrossNotAllowed);
        }

        var current = state.LeverageOf(account, action.Asset);
        var position = account.PositionOf(action.Asset);
        if (position is not null && current.IsCross != action.IsCross)
        {
            return new ErrResult(VenueTexts.CannotSwitchMode);
        }

        if (position is not null && action.Leverage < current.Value && DecreaseRefusal(account, position, current, action.Leverage, nowMs) is { } refusal)
        {
            return refusal;
        }

        account.Leverage[action.Asset] = new LeverageSetting(action.IsCross, action.Leverage);
        return DefaultResult.Instance;
    }

    /// <summary>
    /// Lowering leverage on an open position raises its initial margin: cross needs the difference free in the
    /// account, isolated needs the position's own margin (with its unrealized PnL) to cover the new initial margin.
    /// </summary>
    private ErrResult? DecreaseRefusal(Account account, PositionState position, LeverageSetting current, int leverage, long nowMs)
    {
        var metrics = margin.Value(account, position, nowMs);
        var required = metrics.PositionValue / leverage;
        if (current.IsCross)
        {
            var extra = required - (metrics.PositionValue / current.Value);
            return extra > margin.Summarize(account, nowMs).AvailableToTrade ? new ErrResult(VenueTexts.CrossDecreaseLeverage) : null;
        }

        return position.IsolatedMargin + metrics.UnrealizedPnl < required ? new ErrResult(VenueTexts.IsolatedDecreaseLeverage) : null;
    }

    /// <summary>Moves <c>ntli</c> micro-USD into (positive) or out of (negative) an isolated position's margin.</summary>
    public ExchangeResult UpdateIsolatedMargin(Account account, ReceivedUpdateIsolatedMarginAction action, long nowMs)
    {
        var position = state.Market.IsValidAsset(action.Asset) ? account.PositionOf(action.Asset) : null;
        if (position is null || state.LeverageOf(account, action.Asset).IsCross)
        {
            return new ErrResult(VenueTexts.NotIsolated);
        }

        var amount = action.Ntli / 1_000_000m;
        var summary = margin.Summarize(account, nowMs);
        if (amount > 0 && amount > summary.AvailableToTrade)
        {
            return new ErrResult(VenueTexts.InsufficientMargin);
        }

        if (amount < 0)
        {
            var metrics = margin.Value(account, position, nowMs);
            var initial = metrics.PositionValue / metrics.Leverage.Value;
            if (position.IsolatedMargin + amount + metrics.UnrealizedPnl < initial)
            {
                return new ErrResult(VenueTexts.InsufficientToRemove);
            }
        }

        position.IsolatedMargin += amount;
        return DefaultResult.Instance;
    }

    /// <summary>
    /// The dead man's switch. Setting and clearing both need the traded volume (the venue refuses either below it);
    /// the time is a protocol time (the client's clock), fired at the matching market instant.
    /// </summary>
    public ExchangeResult ScheduleCancel(Account account, ReceivedScheduleCancelAction action, RequestTime now)
    {
        var required = state.Options.ScheduleCancelMinVolumeUsd;
        if (account.CumVolume < required)
        {
            return new ErrResult(VenueTexts.ScheduleVolume(required, account.CumVolume));
        }

        if (action.Time is not { } time)
        {
            account.ScheduledCancelAt = null;
            return DefaultResult.Instance;
        }

        if (time < now.ProtocolMs + MinScheduleLeadMs)
        {
            return new ErrResult(VenueTexts.ScheduleTooSoon);
        }

        var day = now.ProtocolMs / MarketView.DayMs;
        if (account.ScheduledCancelDay != day)
        {
            account.ScheduledCancelDay = day;
            account.ScheduledCancelsToday = 0;
        }

        if (account.ScheduledCancelsToday >= MaxScheduledCancelsPerDay)
        {
            return new ErrResult(VenueTexts.ScheduleTooMany);
        }

        account.ScheduledCancelsToday++;
        account.ScheduledCancelAt = protocol.ToMarketMs(time, now.MarketMs, now.ProtocolMs);
        return DefaultResult.Instance;
    }

    /// <summary>Registers an agent for the signing account: the unnamed slot or a named one (at most 3), replacing the slot's previous agent.</summary>
    public ExchangeResult ApproveAgent(Account account, ReceivedApproveAgentAction action)
    {
        var expectedChain = state.Options.IsMainnet ? "Mainnet" : "Testnet";
        if (action.HyperliquidChain != expectedChain)
        {
            return new ErrResult(VenueTexts.WrongChain(action.HyperliquidChain));
        }

        if (state.Accounts.ContainsKey(action.AgentAddress))
        {
            return new ErrResult(VenueTexts.AgentIsUser);
        }

        var named = account.AgentsByName.Count - (account.AgentsByName.ContainsKey(string.Empty) ? 1 : 0);
        if (action.AgentName.Length > 0 && !account.AgentsByName.ContainsKey(action.AgentName) && named >= MaxNamedAgents)
        {
            return new ErrResult(VenueTexts.TooManyAgents);
        }

        if (account.AgentsByName.TryGetValue(action.AgentName, out var previous))
        {
            state.AgentOwner.Remove(previous);
        }

        if (state.AgentOwner.TryGetValue(action.AgentAddress, out var otherOwner) && state.Accounts.TryGetValue(otherOwner, out var other))
        {
            foreach (var (name, agent) in other.AgentsByName.ToArray())
            {
                if (agent == action.AgentAddress)
                {
                    other.AgentsByName.Remove(name);
                }
            }
        }

        account.AgentsByName[action.AgentName] = action.AgentAddress;
        state.AgentOwner[action.AgentAddress] = account.Address;
        return DefaultResult.Instance;
    }
}
