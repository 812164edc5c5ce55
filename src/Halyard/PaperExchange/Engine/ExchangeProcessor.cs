using System.Text.Json;
using Halyard.PaperExchange.Auth;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary>
/// One <c>/exchange</c> request, in the venue's order: read the body, recover the signer, resolve the
/// account (the signer or the master of an approved agent), check expiry, the nonce and the address
/// request budget, then run the action. Returns null when the body cannot be read (HTTP 422).
/// </summary>
/// <summary>The two clocks of one request: the market's (fills, funding) and the protocol's (nonces, expiry).</summary>
internal readonly record struct RequestTime(long MarketMs, long ProtocolMs);

internal sealed class ExchangeProcessor(
    VenueState state,
    ISignerRecovery recovery,
    OrderEntry entry,
    OrderCommands orders,
    AccountCommands accounts,
    MarketStepper stepper)
{
    private const long InitialRequestBudget = 10_000;
    private const long ThrottledIntervalMs = 10_000;
    private const int ExpiredActionWeight = 5;

    public ExchangeResult? Process(JsonElement body, RequestTime time)
    {
        var envelope = ExchangeRequestParser.ParseEnvelope(body);
        if (envelope is null || !SignatureShape.IsWellFormed(envelope.Signature))
        {
            return null;
        }

        var action = ExchangeRequestParser.ParseAction(envelope.Action, envelope.ActionType);
        if (action is null)
        {
            return null;
        }

        return action is ReceivedApproveAgentAction approve
            ? ProcessUserSigned(envelope, approve, time.ProtocolMs)
            : ProcessL1(envelope, action, time);
    }

    private ExchangeResult ProcessUserSigned(ExchangeEnvelope envelope, ReceivedApproveAgentAction approve, long nowMs)
    {
        var signer = recovery.RecoverUserSignedSigner(envelope.Action, envelope.Signature);
        if (signer is null)
        {
            return new ErrResult(VenueTexts.SignatureUnrecoverable);
        }

        if (!state.Accounts.TryGetValue(signer, out var account))
        {
            return new ErrResult(VenueTexts.MustDeposit(signer));
        }

        if (envelope.Nonce != approve.Nonce)
        {
            return new ErrResult(VenueTexts.NonceMismatch);
        }

        if (state.Nonces.TryUse(signer, envelope.Nonce, nowMs) is { } nonceError)
        {
            return new ErrResult(nonceError);
        }

        return accounts.ApproveAgent(account, approve);
    }

    private ExchangeResult ProcessL1(ExchangeEnvelope envelope, ReceivedExchangeAction action, RequestTime time)
    {
        var nowMs = time.MarketMs;
        var signer = recovery.RecoverL1Signer(
            envelope.Action, envelope.Nonce, envelope.VaultAddress, envelope.ExpiresAfter, envelope.Signature, state.Options.IsMainnet);
        if (signer is null)
        {
            return new ErrResult(VenueTexts.SignatureUnrecoverable);
        }

        if (!state.Accounts.TryGetValue(signer, out var account)
            && !(state.AgentOwner.TryGetValue(signer, out var owner) && state.Accounts.TryGetValue(owner, out account)))
        {
            return new ErrResult(VenueTexts.UnknownSigner(signer));
        }

        if (envelope.VaultAddress is not null)
        {
            return new ErrResult(VenueTexts.VaultNotRegistered(envelope.VaultAddress));
        }

        if (envelope.ExpiresAfter is { } expiresAfter && expiresAfter < time.ProtocolMs)
        {
            // The venue charges an expired action five times against the address budget.
            Charge(account, ExpiredActionWeight);
            return new ErrResult(VenueTexts.Expired);
        }

        if (state.Nonces.TryUse(signer, envelope.Nonce, time.ProtocolMs) is { } nonceError)
        {
            return new ErrResult(nonceError);
        }

        if (Throttle(account, action, nowMs) is { } throttled)
        {
            return throttled;
        }

        var result = action switch
        {
            ReceivedOrderAction order => entry.Place(account, order, nowMs),
            ReceivedCancelAction cancel => orders.Cancel(account, cancel, nowMs),
            ReceivedCancelByCloidAction cancel => orders.CancelByCloid(account, cancel, nowMs),
            ReceivedModifyAction modify => orders.Modify(account, modify, nowMs),
            ReceivedBatchModifyAction batch => orders.BatchModify(account, batch, nowMs),
            ReceivedUpdateLeverageAction leverage => accounts.UpdateLeverage(account, leverage, nowMs),
            ReceivedUpdateIsolatedMarginAction isolated => accounts.UpdateIsolatedMargin(account, isolated, nowMs),
            ReceivedScheduleCancelAction schedule => accounts.ScheduleCancel(account, schedule, time),
            ReceivedNoopAction => DefaultResult.Instance,
            ReceivedUnsupportedAction unsupported => new ErrResult(VenueTexts.Unsupported(unsupported.Type)),
            _ => throw new InvalidOperationException("Unhandled action " + action.GetType().Name),
        };
        stepper.ProcessInstant(nowMs);
        return result;
    }

    /// <summary>
    /// The per-address budget (§6.2): 10 000 + 1 request per USDC traded; a batch of n counts n; cancels may
    /// go to min(cap + 100 000, 2 × cap); once exhausted, one request per 10 s still passes.
    /// </summary>
    private ErrResult? Throttle(Account account, ReceivedExchangeAction action, long nowMs)
    {
        var (weight, isCancel) = action switch
        {
            ReceivedOrderAction order => (order.Orders.Count, false),
            ReceivedCancelAction cancel => (cancel.Cancels.Count, true),
            ReceivedCancelByCloidAction cancel => (cancel.Cancels.Count, true),
            ReceivedBatchModifyAction batch => (batch.Modifies.Count, false),
            _ => (1, false),
        };
        var cap = InitialRequestBudget + (long)decimal.Floor(account.CumVolume);
        var limit = isCancel ? Math.Min(cap + 100_000, 2 * cap) : cap;
        var used = account.RequestsUsed + Math.Max(1, weight);
        if (state.Options.AddressRateLimit && used > limit)
        {
            if (account.LastThrottledRequestMs is { } last && nowMs - last < ThrottledIntervalMs)
            {
                return new ErrResult(VenueTexts.RateLimited(used, limit, account.CumVolume));
            }

            account.LastThrottledRequestMs = nowMs;
        }

        account.RequestsUsed = used;
        return null;
    }

    private static void Charge(Account account, int requests) => account.RequestsUsed += requests;
}
