using System.Globalization;
using Halyard.Domain;
using Halyard.Domain.Precision;

namespace Halyard.Execution;

/// <summary>The unit an <see cref="OrderSize"/> is expressed in.</summary>
public enum SizeUnit
{
    /// <summary>Notional in USD, converted to coins at the live mid.</summary>
    Usd,

    /// <summary>Base units (coins).</summary>
    Coins,
}

/// <summary>An order size in USD notional or in coins; always positive.</summary>
public readonly record struct OrderSize
{
    private OrderSize(SizeUnit unit, decimal amount)
    {
        Unit = unit;
        Amount = amount;
    }

    public SizeUnit Unit { get; }

    public decimal Amount { get; }

    public static OrderSize Usd(decimal notional) => new(SizeUnit.Usd, Positive(notional));

    public static OrderSize Coins(decimal size) => new(SizeUnit.Coins, Positive(size));

    /// <summary>The size in coins at <paramref name="price"/> (before the formatter rounds it down).</summary>
    public decimal CoinsAt(decimal price)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        return Unit == SizeUnit.Coins ? Amount : Amount / price;
    }

    /// <summary>
    /// The size bucket that goes into the entry cloid: the unit and the amount at two significant figures,
    /// so a decision re-validated with a slightly different size (1 500 vs 1 520 USD) is the same intent.
    /// </summary>
    public string Bucket()
    {
        var scale = DecimalDigits.Pow10(DecimalDigits.Decade(Amount) - 1);
        var rounded = decimal.Round(Amount / scale, 0, MidpointRounding.AwayFromZero) * scale;
        return (Unit == SizeUnit.Usd ? "usd:" : "coins:") + WireNumber.ToWire(DecimalDigits.StripTrailingZeros(rounded));
    }

    public override string ToString() =>
        Unit == SizeUnit.Usd
            ? "$" + Amount.ToString(CultureInfo.InvariantCulture)
            : Amount.ToString(CultureInfo.InvariantCulture) + " coins";

    private static decimal Positive(decimal amount) =>
        amount > 0m ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "An order size is positive.");
}

/// <summary>
/// An approved decision, ready to execute (design: "Orchestrator: approved intents → order outcomes").
/// Immutable; the same intent yields the same client order id, so executing it twice places at most one
/// order.
/// </summary>
public abstract record ExecutionIntent
{
    private protected ExecutionIntent()
    {
    }

    public required string TraderId { get; init; }

    /// <summary>The Manager's cycle number.</summary>
    public required long Cycle { get; init; }

    /// <summary>The decision's id in the decision-cycle journal.</summary>
    public required string DecisionId { get; init; }

    /// <summary>Coin name as in <c>meta</c> (e.g. <c>BTC</c>).</summary>
    public required string Symbol { get; init; }

    /// <summary>The position opened or closed.</summary>
    public required PositionSide Side { get; init; }

    /// <summary>
    /// <see cref="TimeProvider.GetTimestamp"/> (of the Orchestrator's clock) when the decision was validated:
    /// the start of the decision-to-order latency. Null: when the Orchestrator received the intent.
    /// </summary>
    public long? ValidatedAt { get; init; }

    /// <summary>Throws for an intent no caller should build (a bug, not a venue outcome).</summary>
    internal virtual void Check()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(TraderId, nameof(TraderId));
        ArgumentException.ThrowIfNullOrWhiteSpace(DecisionId, nameof(DecisionId));
        ArgumentException.ThrowIfNullOrWhiteSpace(Symbol, nameof(Symbol));
        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Unknown position side.");
        }
    }
}

/// <summary>Open a long or short position with mandatory protection.</summary>
public sealed record OpenIntent : ExecutionIntent
{
    public required OrderSize Size { get; init; }

    /// <summary>Requested leverage; clamped to the asset's maximum.</summary>
    public required int Leverage { get; init; }

    /// <summary>Stop-loss trigger price; null: the configured default distance.</summary>
    public decimal? StopLoss { get; init; }

    /// <summary>Take-profit trigger price; null: none.</summary>
    public decimal? TakeProfit { get; init; }

    /// <summary>
    /// Scaling in: the open adds to the position held on <see cref="ExecutionIntent.Side"/>; once filled, the stop and
    /// target (this intent's prices) are placed for the combined size before the earlier ones are cancelled.
    /// </summary>
    public bool ScaleIn { get; init; }

    internal override void Check()
    {
        base.Check();
        if (Size.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(Size), "An open intent needs a size.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Leverage, 1, nameof(Leverage));
        if (StopLoss is <= 0m || TakeProfit is <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(StopLoss), "Stop-loss and take-profit prices are positive.");
        }
    }
}

/// <summary>
/// Close the position of <see cref="ExecutionIntent.Side"/> on the symbol: all of it, or the share
/// <see cref="Fraction"/> of the size the venue shows when the close is sent (a partial close, reduce-only,
/// with the stop and target resized to what remains).
/// </summary>
public sealed record CloseIntent : ExecutionIntent
{
    /// <summary>The share of the position to close, in (0, 1); null: all of it.</summary>
    public decimal? Fraction { get; init; }

    internal override void Check()
    {
        base.Check();
        if (Fraction is { } f && (f <= 0m || f >= 1m))
        {
            throw new ArgumentOutOfRangeException(nameof(Fraction), f, "A partial close's fraction is in (0, 1); a full close has none.");
        }
    }
}
