using Halyard.Journal;
using Halyard.Cycle.Configuration;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>
/// Each exchange operation × each error class (and an unresolved submit) → the exact number of attempts and
/// the outcome, through the real ExchangeClient/InfoClient in front of a scripted venue. Defaults: 3 attempts
/// for entries and leverage, 5 for protective actions (stop placement, close, cancels), Unknown retried once.
/// </summary>
public class FaultTableTests
{
    public enum Operation
    {
        Entry,
        UpdateLeverage,
        TriggerPlacement,
        Close,
        Cancel,
        CancelByCloid,
    }

    public enum FaultClass
    {
        Temporary,
        RateLimited,
        InvalidParam,
        RiskRejected,
        Insufficient,
        ExchangeDown,
        Unknown,
        Unresolved,
    }

    public static TheoryData<Operation, FaultClass, int, string, IntentResult, ProtectionStatus> Table { get; } = new()
    {
        // entry (opening profile: 3 attempts, ExchangeDown fails fast; an unresolved submit is settled by cloid: found filled)
        { Operation.Entry, FaultClass.Temporary, 3, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.Entry, FaultClass.RateLimited, 3, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.Entry, FaultClass.InvalidParam, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Entry, FaultClass.RiskRejected, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Entry, FaultClass.Insufficient, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Entry, FaultClass.ExchangeDown, 1, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.Entry, FaultClass.Unknown, 2, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Entry, FaultClass.Unresolved, 1, "filled", IntentResult.Filled, ProtectionStatus.Protected },

        // updateLeverage (opening profile; idempotent, so an unknown outcome is simply sent again)
        { Operation.UpdateLeverage, FaultClass.Temporary, 3, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.UpdateLeverage, FaultClass.RateLimited, 3, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.UpdateLeverage, FaultClass.InvalidParam, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.UpdateLeverage, FaultClass.RiskRejected, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.UpdateLeverage, FaultClass.Insufficient, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.UpdateLeverage, FaultClass.ExchangeDown, 1, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.UpdateLeverage, FaultClass.Unknown, 2, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.UpdateLeverage, FaultClass.Unresolved, 2, "ok", IntentResult.Filled, ProtectionStatus.Protected },

        // stop-loss/take-profit placement (protective profile: 5 attempts, ExchangeDown retried); no stop → flattened
        { Operation.TriggerPlacement, FaultClass.Temporary, 5, "failed", IntentResult.Filled, ProtectionStatus.Flattened },
        { Operation.TriggerPlacement, FaultClass.RateLimited, 5, "failed", IntentResult.Filled, ProtectionStatus.Flattened },
        { Operation.TriggerPlacement, FaultClass.InvalidParam, 1, "rejected", IntentResult.Filled, ProtectionStatus.Flattened },
        { Operation.TriggerPlacement, FaultClass.RiskRejected, 1, "rejected", IntentResult.Filled, ProtectionStatus.Flattened },
        { Operation.TriggerPlacement, FaultClass.Insufficient, 1, "rejected", IntentResult.Filled, ProtectionStatus.Flattened },
        { Operation.TriggerPlacement, FaultClass.ExchangeDown, 5, "failed", IntentResult.Filled, ProtectionStatus.Flattened },
        { Operation.TriggerPlacement, FaultClass.Unknown, 2, "rejected", IntentResult.Filled, ProtectionStatus.Flattened },
        { Operation.TriggerPlacement, FaultClass.Unresolved, 1, "resting", IntentResult.Filled, ProtectionStatus.Protected },

        // reduce-only close (protective); the first close order's record
        { Operation.Close, FaultClass.Temporary, 5, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.Close, FaultClass.RateLimited, 5, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.Close, FaultClass.InvalidParam, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Close, FaultClass.RiskRejected, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Close, FaultClass.Insufficient, 1, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Close, FaultClass.ExchangeDown, 5, "failed", IntentResult.Failed, ProtectionStatus.None },
        { Operation.Close, FaultClass.Unknown, 2, "rejected", IntentResult.Rejected, ProtectionStatus.None },
        { Operation.Close, FaultClass.Unresolved, 1, "filled", IntentResult.Closed, ProtectionStatus.None },

        // cancel by oid of the symbol's triggers once the close left it flat (protective); the close stands either way
        { Operation.Cancel, FaultClass.Temporary, 5, "failed", IntentResult.Closed, ProtectionStatus.None },
        { Operation.Cancel, FaultClass.RateLimited, 5, "failed", IntentResult.Closed, ProtectionStatus.None },
        { Operation.Cancel, FaultClass.InvalidParam, 1, "rejected", IntentResult.Closed, ProtectionStatus.None },
        { Operation.Cancel, FaultClass.RiskRejected, 1, "rejected", IntentResult.Closed, ProtectionStatus.None },
        { Operation.Cancel, FaultClass.Insufficient, 1, "rejected", IntentResult.Closed, ProtectionStatus.None },
        { Operation.Cancel, FaultClass.ExchangeDown, 5, "failed", IntentResult.Closed, ProtectionStatus.None },
        { Operation.Cancel, FaultClass.Unknown, 2, "rejected", IntentResult.Closed, ProtectionStatus.None },
        { Operation.Cancel, FaultClass.Unresolved, 2, "canceled", IntentResult.Closed, ProtectionStatus.None },

        // cancel by cloid of a GTC entry's remainder at its timeout (protective); not cancelled → unresolved, reconciliation cancels
        { Operation.CancelByCloid, FaultClass.Temporary, 5, "failed", IntentResult.Unresolved, ProtectionStatus.None },
        { Operation.CancelByCloid, FaultClass.RateLimited, 5, "failed", IntentResult.Unresolved, ProtectionStatus.None },
        { Operation.CancelByCloid, FaultClass.InvalidParam, 1, "rejected", IntentResult.Unresolved, ProtectionStatus.None },
        { Operation.CancelByCloid, FaultClass.RiskRejected, 1, "rejected", IntentResult.Unresolved, ProtectionStatus.None },
        { Operation.CancelByCloid, FaultClass.Insufficient, 1, "rejected", IntentResult.Unresolved, ProtectionStatus.None },
        { Operation.CancelByCloid, FaultClass.ExchangeDown, 5, "failed", IntentResult.Unresolved, ProtectionStatus.None },
        { Operation.CancelByCloid, FaultClass.Unknown, 2, "rejected", IntentResult.Unresolved, ProtectionStatus.None },
        { Operation.CancelByCloid, FaultClass.Unresolved, 2, "canceled", IntentResult.NotFilled, ProtectionStatus.None },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Operation_FaultClass_ExactAttemptsAndOutcome(Operation operation, FaultClass fault, int attempts, string recordResult, IntentResult result, ProtectionStatus protection)
    {
        var options = operation == Operation.CancelByCloid ? new OrchestratorOptions { Entry = EntryMode.Gtc } : new OrchestratorOptions();
        using var sut = new ScriptedSut(options);
        var (kind, action) = Target(operation);
        Arrange(sut, operation);
        sut.Venue.Script(kind, Scripted(fault), fault == FaultClass.Unresolved ? 1 : 1000);

        var outcome = operation is Operation.Close or Operation.Cancel
            ? await sut.CloseAsync(ScriptedSut.CloseLong())
            : await sut.OpenAsync(ScriptedSut.Long());

        var record = outcome.Actions.First(a => OrderEventNames.Of(a.Action) == action);
        Assert.Equal(attempts, record.Attempts);
        Assert.Equal(recordResult, OrderEventNames.Of(record.Result));
        Assert.Equal(result, outcome.Result);
        Assert.Equal(protection, outcome.Protection.Status);
        if (operation is Operation.Entry or Operation.UpdateLeverage or Operation.TriggerPlacement)
        {
            Assert.Equal(attempts, sut.Venue.Count(kind));
        }

        if (fault != FaultClass.Unresolved)
        {
            Assert.Equal(ToDomain(fault), record.ErrorClass);
        }

        // ExchangeDown fails the cycle when the intent itself failed on it (not when a fallback made it safe); a
        // close that left the position open fails it too (the position keeps its stop, nothing new is opened).
        var failsCycle = (fault == FaultClass.ExchangeDown && operation is Operation.Entry or Operation.UpdateLeverage)
            || (operation == Operation.Close && result != IntentResult.Closed);
        Assert.Equal(failsCycle, outcome.FailsCycle);
    }

    [Fact]
    public async Task Entry_Insufficient_RecordsASizeDownSuggestion()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Withdrawable = 100m;
        sut.Venue.Script("order:entry", Scripted(FaultClass.Insufficient));

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(ErrorClass.Insufficient, outcome.ErrorClass);
        Assert.Equal(450m, outcome.SuggestedSizeUsd);
    }

    [Fact]
    public async Task Entry_UnresolvedAndNeverPlaced_IsSentAgainWithTheSameCloid()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Script("order:entry", new Fault.Hang(), 1);

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.Filled, outcome.Result);
        Assert.Equal(2, outcome.Actions.Single(a => a.Action == OrderEventAction.Entry).Attempts);
        Assert.Equal(2, sut.Venue.Count("order:entry"));
        Assert.Equal(1, sut.Venue.Count("orderStatus"));
        Assert.Single(sut.Venue.ByCloid.Values, o => !o.IsTrigger);
    }

    private static (string Kind, string Action) Target(Operation operation) => operation switch
    {
        Operation.Entry => ("order:entry", "entry"),
        Operation.UpdateLeverage => ("updateLeverage", "set_leverage"),
        Operation.TriggerPlacement => ("order:trigger", "stop_loss"),
        Operation.Close => ("order:close", "close"),
        Operation.Cancel => ("cancel", "cancel_leftover"),
        Operation.CancelByCloid => ("cancelByCloid", "cancel_rest"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static void Arrange(ScriptedSut sut, Operation operation)
    {
        if (operation is Operation.Close or Operation.Cancel)
        {
            sut.Venue.Positions["ETH"] = 0.4m;
        }

        if (operation == Operation.Cancel)
        {
            sut.Venue.OpenOrders.Add(new VenueOrder { Oid = 5, Coin = "ETH", IsBuy = false, LimitPx = 2_300m, OrigSz = 0.4m, Sz = 0.4m, ReduceOnly = true, IsTrigger = true, TriggerPx = 2_400m });
        }

        if (operation == Operation.CancelByCloid)
        {
            sut.Venue.EntryFillFraction = 0m;
        }
    }

    private static Fault Scripted(FaultClass fault) => fault switch
    {
        FaultClass.Temporary => new Fault.Err("Invalid nonce: duplicate nonce 1700000000000"),
        FaultClass.RateLimited => new Fault.Http(429, RetryAfterSeconds: 1),
        FaultClass.InvalidParam => new Fault.Err("User or API Wallet 0x0000000000000000000000000000000000000001 does not exist."),
        FaultClass.RiskRejected => new Fault.Err("Order price too far from oracle"),
        FaultClass.Insufficient => new Fault.Err("Insufficient margin to place order."),
        FaultClass.ExchangeDown => new Fault.Refused(),
        FaultClass.Unknown => new Fault.Err("Something the venue never said before"),
        FaultClass.Unresolved => new Fault.Lost(),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static ErrorClass ToDomain(FaultClass fault) => fault switch
    {
        FaultClass.Temporary => ErrorClass.Temporary,
        FaultClass.RateLimited => ErrorClass.RateLimited,
        FaultClass.InvalidParam => ErrorClass.InvalidParam,
        FaultClass.RiskRejected => ErrorClass.RiskRejected,
        FaultClass.Insufficient => ErrorClass.Insufficient,
        FaultClass.ExchangeDown => ErrorClass.ExchangeDown,
        FaultClass.Unknown => ErrorClass.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
