using System.Globalization;
using Halyard.Decisions;
using Halyard.Domain;

namespace Halyard.Risk;

/// <summary>
/// The hard rules (design: "Validator Extensions"). Each decision of a batch gets its own verdict,
/// judged against live prices, never the model's entry price; one bad decision never discards the
/// others. Opens accepted earlier in the batch count against the margin, position, per-cycle and
/// per-hour budgets of later ones. Closes in the same batch do not free slots or margin: the Manager
/// re-checks the opens against a fresh snapshot once the closes are confirmed. Stateless: the DecisionStep
/// and the Manager's pre-execution check call the same instance type with their own context.
/// </summary>
public sealed class Validator
{
    public IReadOnlyList<Verdict> ValidateBatch(IReadOnlyList<TradingDecision> decisions, ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(context);
        var tally = new BatchTally();
        var verdicts = new Verdict[decisions.Count];
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i] ?? throw new ArgumentException($"Decision {i} is null.", nameof(decisions));
            verdicts[i] = Judge(i, decision, context, tally);
        }

        return verdicts;
    }

    private static Verdict Judge(int index, TradingDecision d, ValidationContext ctx, BatchTally tally) => d.Action switch
    {
        DecisionAction.Hold or DecisionAction.Wait => Verdict.Accept(index, d),
        DecisionAction.OpenLong or DecisionAction.OpenShort => new OpenRules(index, d, ctx, tally).Judge(),
        DecisionAction.CloseLong or DecisionAction.CloseShort => new CloseRules(index, d, ctx, tally).Judge(),
        _ => Verdict.Reject(index, d, [new RuleViolation(ReasonCode.InvalidAction, Fmt($"action {(int)d.Action} is not a contract action"))]),
    };

    internal static string Side(PositionSide side) => side == PositionSide.Long ? "long" : "short";

    internal static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
