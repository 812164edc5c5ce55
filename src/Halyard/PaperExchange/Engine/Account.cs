namespace Halyard.PaperExchange.Engine;

/// <summary>Leverage setting of one asset for one account.</summary>
internal readonly record struct LeverageSetting(bool IsCross, int Value);

/// <summary>One position. Isolated margin is an earmark inside the account's cash.</summary>
internal sealed class PositionState
{
    public required int Asset { get; init; }

    /// <summary>Signed size: positive long, negative short.</summary>
    public decimal Szi { get; set; }

    public decimal EntryPx { get; set; }

    /// <summary>USDC allocated to an isolated position (0 for cross).</summary>
    public decimal IsolatedMargin { get; set; }

    /// <summary>Funding paid (positive) or received (negative), the venue's <c>cumFunding</c> convention.</summary>
    public decimal FundingAllTime { get; set; }

    public decimal FundingSinceOpen { get; set; }

    public decimal FundingSinceChange { get; set; }
}

/// <summary>One fill, as <c>userFills</c> reports it.</summary>
internal sealed record FillRecord(
    string Coin,
    decimal Px,
    decimal Sz,
    bool IsBuy,
    long Time,
    decimal StartPosition,
    string Dir,
    decimal ClosedPnl,
    string Hash,
    long Oid,
    bool Crossed,
    decimal Fee,
    long Tid,
    string? Cloid,
    decimal? LiquidationMarkPx,
    LiquidationMethod Liquidation = LiquidationMethod.None);

/// <summary>One hourly funding payment, as <c>userFunding</c> reports it (<c>Usdc</c> negative = paid).</summary>
internal sealed record FundingRecord(long Time, string Coin, decimal Usdc, decimal Szi, decimal Rate, string Hash);

/// <summary>A master account on the paper venue.</summary>
internal sealed class Account
{
    public Account(string address, decimal cash)
    {
        Address = address;
        Cash = cash;
    }

    public string Address { get; }

    /// <summary>Deposits + realized PnL − fees − funding paid.</summary>
    public decimal Cash { get; set; }

    public Dictionary<int, PositionState> Positions { get; } = [];

    public Dictionary<int, LeverageSetting> Leverage { get; } = [];

    /// <summary>Open orders (including waiting TP/SL children) in placement order.</summary>
    public List<OrderState> OpenOrders { get; } = [];

    /// <summary>The latest order placed with each cloid.</summary>
    public Dictionary<string, OrderState> ByCloid { get; } = new(StringComparer.Ordinal);

    public List<FillRecord> Fills { get; } = [];

    public List<FundingRecord> Fundings { get; } = [];

    /// <summary>Every order ever placed, for <c>historicalOrders</c>.</summary>
    public List<OrderState> History { get; } = [];

    /// <summary>Approved agents by name (<c>""</c> = the unnamed one).</summary>
    public Dictionary<string, string> AgentsByName { get; } = new(StringComparer.Ordinal);

    /// <summary>After a partial market liquidation: no further market liquidation before this time (the venue's 30 s cooldown).</summary>
    public long LiquidationCooldownUntilMs { get; set; } = long.MinValue;

    /// <summary>Assets whose position was already partly (20 %) liquidated: the next market liquidation takes the whole rest.</summary>
    public HashSet<int> PartiallyLiquidated { get; } = [];

    public long? ScheduledCancelAt { get; set; }

    public int ScheduledCancelsToday { get; set; }

    public long ScheduledCancelDay { get; set; } = -1;

    /// <summary>Slippage paid so far (see <see cref="SlippageFigures"/>).</summary>
    public SlippageFigures Slippage { get; set; } = new(0m, 0m);

    /// <summary>Cumulative traded notional (USD).</summary>
    public decimal CumVolume { get; set; }

    /// <summary>Address-based request budget used (orders and cancels count one each).</summary>
    public long RequestsUsed { get; set; }

    public long? LastThrottledRequestMs { get; set; }

    public PositionState? PositionOf(int asset) =>
        Positions.TryGetValue(asset, out var position) && position.Szi != 0 ? position : null;

    public decimal SziOf(int asset) => Positions.TryGetValue(asset, out var position) ? position.Szi : 0m;
}
