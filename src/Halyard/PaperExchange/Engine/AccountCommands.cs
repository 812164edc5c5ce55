using Halyard.PaperExchange.Market;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary><c>updateLeverage</c>, <c>updateIsolatedMargin</c>, <c>scheduleCancel</c> and the user-signed <c>approveAgent</c>.</summary>
internal sealed class AccountCommands(VenueState state, MarginCalculator margin)
{
    private const int MaxScheduledCancelsPerDay = 10;
    private const long MinScheduleLeadMs = 5_000;
    private const int MaxNamedAgents = 3;

    public ExchangeResult UpdateLeverage(Account account, UpdateLeverageAction action)
    {
        if (!state.Market.IsValidAsset(action.Asset))
        {
            return new ErrResult(VenueTexts.UnknownAsset(action.Asset));
        }

        var rules = state.Market.Asset(action.Asset);
        if (action.Leverage < 1 || action.Leverage > rules.MaxLeverage || (action.IsCross && rules.OnlyIsolated))
        {
            return new ErrResult(VenueTexts.InvalidLeverage);
        }

        var current = state.LeverageOf(account, action.Asset);
        var position = account.PositionOf(action.Asset);
        if (position is not null && current.IsCross != action.IsCross)
        {
            return new ErrResult(VenueTexts.CannotSwitchMode);
        }

        account.Leverage[action.Asset] = new LeverageSetting(action.IsCross, action.Leverage);
        return DefaultResult.Instance;
    }

    /// <summary>Moves <c>ntli</c> micro-USD into (positive) or out of (negative) an isolated position's margin.</summary>
    public ExchangeResult UpdateIsolatedMargin(Account account, UpdateIsolatedMarginAction action, long nowMs)
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

    public ExchangeResult ScheduleCancel(Account account, ScheduleCancelAction action, long nowMs)
    {
        if (action.Time is not { } time)
        {
            account.ScheduledCancelAt = null;
            return DefaultResult.Instance;
        }

        var required = state.Options.ScheduleCancelMinVolumeUsd;
        if (account.CumVolume < required)
        {
            return new ErrResult(VenueTexts.ScheduleVolume(required));
        }

        if (time < nowMs + MinScheduleLeadMs)
        {
            return new ErrResult(VenueTexts.ScheduleTooSoon);
        }

        var day = nowMs / MarketView.DayMs;
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
        account.ScheduledCancelAt = time;
        return DefaultResult.Instance;
    }

    /// <summary>Registers an agent for the signing account: the unnamed slot or a named one (at most 3), replacing the slot's previous agent.</summary>
    public ExchangeResult ApproveAgent(Account account, ApproveAgentAction action)
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
            return new ErrResult("Too many named agents (maximum 3).");
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
