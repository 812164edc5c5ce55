using System.Runtime.InteropServices;

namespace Halyard.PaperExchange.Engine;

/// <summary>A summary of an account at a time, with the inputs it was computed from.</summary>
internal sealed record KeptSummary(long TimeMs, SummaryInputs Inputs, AccountSummary Summary);

/// <summary>
/// Everything of an account that <see cref="MarginCalculator.SummarizeAfresh"/> reads, as it was: the cash; each
/// position (the object, its size, entry price and isolated margin, the leverage setting of its asset) in the order
/// the positions are summed; each open order (the object, whether it rests, its remaining size and, for a resting
/// order that is not reduce-only, the leverage of its asset) in the order they are summed. An order's side, limit price, reduce-only flag and asset and a
/// position's asset never change; the assets' rules and the maintenance fraction are fixed for a run. Numbers are
/// compared digit for digit (value, scale and sign), so a summary reused on a match has the same digits as a new one.
/// </summary>
internal sealed class SummaryInputs
{
    private readonly decimal _cash;
    private readonly PositionInput[] _positions;
    private readonly OrderInput[] _orders;

    private SummaryInputs(decimal cash, PositionInput[] positions, OrderInput[] orders)
    {
        _cash = cash;
        _positions = positions;
        _orders = orders;
    }

    public static SummaryInputs Of(Account account, VenueState state)
    {
        var positions = new PositionInput[account.Positions.Count];
        var i = 0;
        foreach (var position in account.Positions.Values)
        {
            positions[i++] = new PositionInput(position, position.Szi, position.EntryPx, position.IsolatedMargin, state.LeverageOf(account, position.Asset));
        }

        var orders = new OrderInput[account.OpenOrders.Count];
        for (var j = 0; j < orders.Length; j++)
        {
            var order = account.OpenOrders[j];
            var resting = order.IsResting;
            orders[j] = new OrderInput(order, resting, order.Sz, HoldsMargin(order, resting) ? state.LeverageOf(account, order.Asset).Value : 0);
        }

        return new SummaryInputs(account.Cash, positions, orders);
    }

    /// <summary>True when the account's inputs are what they were.</summary>
    public bool Match(Account account, VenueState state)
    {
        if (!Same(_cash, account.Cash) || account.Positions.Count != _positions.Length || account.OpenOrders.Count != _orders.Length)
        {
            return false;
        }

        var i = 0;
        foreach (var position in account.Positions.Values)
        {
            ref readonly var kept = ref _positions[i++];
            if (!ReferenceEquals(kept.Position, position) || !Same(kept.Szi, position.Szi) || !Same(kept.EntryPx, position.EntryPx)
                || !Same(kept.IsolatedMargin, position.IsolatedMargin) || kept.Leverage != state.LeverageOf(account, position.Asset))
            {
                return false;
            }
        }

        for (var j = 0; j < _orders.Length; j++)
        {
            var order = account.OpenOrders[j];
            ref readonly var kept = ref _orders[j];
            if (!ReferenceEquals(kept.Order, order) || kept.IsResting != order.IsResting || !Same(kept.Sz, order.Sz)
                || (HoldsMargin(order, kept.IsResting) && kept.Leverage != state.LeverageOf(account, order.Asset).Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same decimal to the bit: equal value, scale and sign (0 and −0, 1.5 and 1.50 differ).</summary>
    internal static bool Same(decimal a, decimal b) =>
        MemoryMarshal.AsBytes(new ReadOnlySpan<decimal>(in a)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<decimal>(in b)));

    private readonly record struct PositionInput(PositionState Position, decimal Szi, decimal EntryPx, decimal IsolatedMargin, LeverageSetting Leverage);

    /// <summary>True for the orders whose margin the summary holds (resting, not reduce-only: see <see cref="MarginCalculator.OpenOrderMargin"/>).</summary>
    private static bool HoldsMargin(OrderState order, bool resting) => resting && !order.ReduceOnly;

    private readonly record struct OrderInput(OrderState Order, bool IsResting, decimal Sz, int Leverage);
}
