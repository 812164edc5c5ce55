using Halyard.Cycle.Configuration;
using Halyard.Cycle.Venue;
using Halyard.Domain;

namespace Halyard.Cycle;

/// <summary>
/// Step 1 of the cycle after reconciliation: brings the trader's round trips (the analytics' trades) up to
/// date from the venue's fills and funding, and frees coins that are flat again. Fills are only queried
/// when some could have happened (orders sent, or the positions changed); funding once per hour.
/// </summary>
internal sealed class TradeSync(TraderSetup setup, IVenueReader reader, PositionOwnership ownership, TraderState state)
{
    private readonly PositionsFingerprint _fingerprint = new();

    /// <summary>Applies what happened since the last cycle; returns a problem, if any.</summary>
    public async Task<string?> RunAsync(AccountSnapshot account, DateTimeOffset now, CancellationToken ct)
    {
        string? problem = null;
        var from = state.FillCursor ?? now - setup.DecisionInterval;
        var positions = _fingerprint.Of(account);
        var changed = positions != state.PositionsFingerprint;
        state.PositionsFingerprint = positions;
        if ((state.FillsPossible || changed) && from <= now)
        {
            var fills = await reader.GetFillsAsync(from, now, ct).ConfigureAwait(false);
            if (fills.IsSuccess)
            {
                var mine = fills.Value.Where(f => ownership.IsOwnedBy(f.Coin, setup.TraderId)).ToArray();
                foreach (var trade in state.Trades.ApplyFills(mine))
                {
                    state.MarkClosed(trade.Coin, trade.ExitTime);
                }

                state.FillCursor = now;
                state.FillsPossible = false;
                state.Trades.PruneSeenBefore(now - TimeSpan.FromHours(1));
            }
            else
            {
                problem = "fills not read: " + fills.Error.Message;
                state.FillsPossible = true;
            }
        }
        else
        {
            state.FillCursor = now;
        }

        // Funding is paid at the top of each hour: read it once per hour crossed while holding something.
        var fundingFrom = state.FundingCursor ?? from;
        if (Hour(fundingFrom) != Hour(now) && (account.Positions.Count > 0 || state.Trades.OpenCoins.Count > 0))
        {
            var funding = await reader.GetFundingAsync(fundingFrom, now, ct).ConfigureAwait(false);
            if (funding.IsSuccess)
            {
                state.Trades.ApplyFunding(funding.Value.Where(f => ownership.IsOwnedBy(f.Coin, setup.TraderId)));
                state.FundingCursor = now;
            }
        }
        else if (account.Positions.Count == 0 && state.Trades.OpenCoins.Count == 0)
        {
            state.FundingCursor = now;
        }

        ReleaseFlatCoins(account, fillsRead: problem is null);
        return problem;
    }

    private static long Hour(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 3_600_000;

    /// <summary>The account's positions as one comparable value: a fill always changes it.</summary>
    internal static string Fingerprint(AccountSnapshot account)
    {
        var positions = account.Positions;
        var text = new System.Text.StringBuilder();
        var first = true;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            if (p.Size == 0m)
            {
                continue;
            }

            if (!first)
            {
                text.Append(';');
            }

            text.Append(p.Coin).Append('=').Append(p.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            first = false;
        }

        return text.Length == 0 ? string.Empty : text.ToString();
    }

    /// <summary>A coin is freed once it is flat on the venue and its trade has closed (or the fills were read and show no open trade).</summary>
    private void ReleaseFlatCoins(AccountSnapshot account, bool fillsRead)
    {
        foreach (var coin in ownership.CoinsOf(setup.TraderId))
        {
            if (account.PositionOf(coin) is null && (fillsRead || !state.Trades.OpenCoins.Contains(coin)))
            {
                ownership.Release(coin, setup.TraderId);
            }
        }
    }
}
