using Halyard.Domain;

namespace Halyard.Decisions.Parsing;

/// <summary>
/// Reads the action. The contract's six values are accepted in any case and with spaces or hyphens for
/// underscores. Documented synonyms (docs/decision-makers.md): buy, long, buy_to_enter, enter_long,
/// go_long → open_long; short, sell_to_enter, enter_short, go_short → open_short; close,
/// close_position, exit → close_long/close_short only when the side is known (a side field in the item,
/// or the open position); reduce, partial_close, scale_out, trim, take_partial → close_long/close_short of a
/// part of the position (the side as for close); add, scale_in, add_to_position, increase → open_long/open_short
/// on the side held (or given); keep, no_action → hold; skip, no_trade → wait. "sell" is rejected: it can mean
/// closing a long or opening a short, and the parser does not guess.
/// </summary>
internal static class ActionReader
{
    public static DecisionAction? Read(string text, PositionSide? side, out string? repair, out string? issue)
    {
        repair = null;
        issue = null;
        var key = text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        DecisionAction? action = key switch
        {
            "open_long" => DecisionAction.OpenLong,
            "open_short" => DecisionAction.OpenShort,
            "close_long" => DecisionAction.CloseLong,
            "close_short" => DecisionAction.CloseShort,
            "hold" => DecisionAction.Hold,
            "wait" => DecisionAction.Wait,
            "buy" or "long" or "buy_to_enter" or "enter_long" or "go_long" => DecisionAction.OpenLong,
            "short" or "sell_to_enter" or "enter_short" or "go_short" => DecisionAction.OpenShort,
            "keep" or "no_action" => DecisionAction.Hold,
            "skip" or "no_trade" => DecisionAction.Wait,
            "close" or "close_position" or "exit" or "reduce" or "partial_close" or "scale_out" or "trim" or "take_partial" => side switch
            {
                PositionSide.Long => DecisionAction.CloseLong,
                PositionSide.Short => DecisionAction.CloseShort,
                _ => null,
            },
            "add" or "scale_in" or "add_to_position" or "increase" => side switch
            {
                PositionSide.Long => DecisionAction.OpenLong,
                PositionSide.Short => DecisionAction.OpenShort,
                _ => null,
            },
            _ => null,
        };

        if (action is null)
        {
            issue = IsPartialClose(key) || key is "close" or "close_position" or "exit"
                ? $"action \"{text}\" does not say which side to close and no open position tells it"
                : key is "add" or "scale_in" or "add_to_position" or "increase"
                ? $"action \"{text}\" does not say which side to add to and no open position tells it"
                : key == "sell"
                    ? "action \"sell\" is ambiguous (close a long or open a short?)"
                    : $"unknown action \"{text}\"";
            return null;
        }

        if (!string.Equals(text, ToContract(action.Value), StringComparison.Ordinal))
        {
            repair = $"action \"{text}\" read as {ToContract(action.Value)}";
        }

        return action;
    }

    /// <summary>True for the synonyms that close only part of a position (they need a size or fraction).</summary>
    public static bool IsPartialClose(string text) =>
        text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_') is "reduce" or "partial_close" or "scale_out" or "trim" or "take_partial";

    public static string ToContract(DecisionAction action) => action switch
    {
        DecisionAction.OpenLong => "open_long",
        DecisionAction.OpenShort => "open_short",
        DecisionAction.CloseLong => "close_long",
        DecisionAction.CloseShort => "close_short",
        DecisionAction.Hold => "hold",
        _ => "wait",
    };

    public static PositionSide? ReadSide(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "long" => PositionSide.Long,
        "short" => PositionSide.Short,
        _ => null,
    };
}
