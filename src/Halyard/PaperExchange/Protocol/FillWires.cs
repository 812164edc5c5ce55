using Halyard.Hyperliquid.Info.Wire;
using Halyard.PaperExchange.Engine;

namespace Halyard.PaperExchange.Protocol;

/// <summary>
/// The <c>userFillsByTime</c> wire of each fill, made once (<see cref="TypedInfoAnswers.Fill"/>): a fill's wire depends
/// on the fill and its account's address alone, both fixed once the fill is recorded, and reconciliation reads the same
/// last fills every cycle. Kept by the fill's place in its account's list and checked by reference there, so a fill
/// that is not the one kept at its place (a list rebuilt or changed) gets its wire made anew. Used under the engine's
/// lock, as the rest of <see cref="TypedInfoAnswers"/>.
/// </summary>
internal sealed class FillWires
{
    private readonly Dictionary<Account, List<(FillRecord? Record, UserFillWire? Wire)>> _byAccount = new(ReferenceEqualityComparer.Instance);

    /// <summary>The wire of <paramref name="account"/>'s fill at <paramref name="index"/>.</summary>
    public UserFillWire Of(Account account, int index)
    {
        var fill = account.Fills[index];
        if (!_byAccount.TryGetValue(account, out var kept))
        {
            kept = [];
            _byAccount[account] = kept;
        }

        if (index < kept.Count && ReferenceEquals(kept[index].Record, fill))
        {
            return kept[index].Wire!;
        }

        var wire = TypedInfoAnswers.Fill(account, fill);
        while (kept.Count <= index)
        {
            kept.Add(default);
        }

        kept[index] = (fill, wire);
        return wire;
    }
}
