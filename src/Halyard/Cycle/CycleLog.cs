using Halyard.Execution;
using Halyard.Journal;
using Microsoft.Extensions.Logging;

namespace Halyard.Cycle;

/// <summary>The Manager's log messages (event ids 3000–3099, stable). Never a key, a signature or a prompt.</summary>
internal static partial class CycleLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "{Trader} cycle {Cycle} failed: {Error}")]
    public static partial void CycleFailed(ILogger logger, string trader, long cycle, string error);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "{Trader} cycle {Cycle} reconciliation: {Action} {Symbol} {Result} {Detail}")]
    public static partial void ReconciliationFinding(ILogger logger, string trader, long cycle, string action, string symbol, string result, string? detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Trader} {Symbol} {Action} placed at {Price}")]
    public static partial void ProtectionPlaced(ILogger logger, string trader, string symbol, string action, decimal? price);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "{Trader} {Symbol} {Action} {Result}: {Error}")]
    public static partial void ProtectionFailed(ILogger logger, string trader, string symbol, string action, string result, string? error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "{Trader} entered LLM safe mode after {Failures} failed call(s): no new opens")]
    public static partial void SafeModeEntered(ILogger logger, string trader, int failures);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "{Trader} cycle {Cycle}: {Decisions} decision(s), {Rejected} rejected, {Orders} order action(s), equity {Equity}")]
    public static partial void CycleDone(ILogger logger, string trader, long cycle, int decisions, int rejected, int orders, decimal? equity);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "{Trader} order {Action} {Symbol} rejected by the venue ({ErrorClass}): {Detail}")]
    public static partial void VenueRejected(ILogger logger, string trader, string action, string symbol, string errorClass, string? detail);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Live run started on {Venue} with {Traders} trader(s); journal {Folder}")]
    public static partial void LiveStarted(ILogger logger, string venue, int traders, string folder);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Live run stopping: waiting for every trader's loop to finish its cycle")]
    public static partial void LiveStopping(ILogger logger);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Live run stopped after {Cycles} cycle(s); journal and ledgers closed")]
    public static partial void LiveStopped(ILogger logger, long cycles);

    /// <summary>What one finished cycle says in the log: failure, safe mode, protection and venue rejections, a summary line.</summary>
    public static void Cycle(ILogger logger, DecisionCycleRecord record, bool wasSafeMode)
    {
        if (!record.Success)
        {
            CycleFailed(logger, record.TraderId, record.Cycle, record.ErrorMessage ?? "unknown");
        }

        if (record.Gating.SafeMode && !wasSafeMode)
        {
            SafeModeEntered(logger, record.TraderId, record.Gating.ConsecutiveLlmFailures);
        }

        foreach (var action in record.Actions.Where(a => a.Attempts > 0))
        {
            if (OrderEventNames.ActionOf(action.Action) is OrderEventAction.StopLoss or OrderEventAction.TakeProfit)
            {
                if (action.ErrorClass is null)
                {
                    ProtectionPlaced(logger, record.TraderId, action.Symbol, action.Action, action.Price);
                }
                else
                {
                    ProtectionFailed(logger, record.TraderId, action.Symbol, action.Action, action.Result, action.ErrorDetail);
                }
            }
            else if (action.ErrorClass is { } errorClass)
            {
                VenueRejected(logger, record.TraderId, action.Action, action.Symbol, errorClass, action.ErrorDetail);
            }
        }

        CycleDone(logger, record.TraderId, record.Cycle, record.Decisions.Count, record.Verdicts.Count(v => v.IsRejected), record.Actions.Count(a => a.Attempts > 0), record.AccountSnapshot?.AccountValue);
    }
}
