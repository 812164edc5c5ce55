using System.Diagnostics.CodeAnalysis;
using Halyard.Domain;

namespace Halyard.Risk;

public enum VerdictKind
{
    Accepted,

    /// <summary>Accepted after clamping (see <see cref="Verdict.Adjustments"/>).</summary>
    Adjusted,

    Rejected,
}

/// <summary>One broken rule.</summary>
public sealed record RuleViolation(ReasonCode Code, string Detail)
{
    public override string ToString() => $"{Code.Name()}: {Detail}";
}

/// <summary>One clamped field: <paramref name="Field"/> is the contract's name (<c>leverage</c>, <c>position_size_usd</c>).</summary>
public sealed record Adjustment(string Field, decimal From, decimal To, ReasonCode Reason, string Detail);

/// <summary>
/// The Validator's judgement of one decision. A rejected decision has no <see cref="Executable"/>: there
/// is nothing to send. An accepted or adjusted one carries the decision to execute (with clamped values).
/// </summary>
public sealed record Verdict
{
    private Verdict(int index, TradingDecision decision, VerdictKind kind)
    {
        Index = index;
        Decision = decision;
        Kind = kind;
    }

    /// <summary>Position of the decision in the batch.</summary>
    public int Index { get; }

    /// <summary>The decision as proposed.</summary>
    public TradingDecision Decision { get; }

    public VerdictKind Kind { get; }

    /// <summary>The decision to execute (clamped values when adjusted); null when rejected.</summary>
    public TradingDecision? Executable { get; private init; }

    public IReadOnlyList<RuleViolation> Violations { get; private init; } = [];

    public IReadOnlyList<Adjustment> Adjustments { get; private init; } = [];

    /// <summary>The live price the decision was judged against (opens), when known.</summary>
    public decimal? ReferencePrice { get; private init; }

    /// <summary>Reward / risk from <see cref="ReferencePrice"/>, when the price relationship held.</summary>
    public decimal? RiskReward { get; private init; }

    [MemberNotNullWhen(true, nameof(Executable))]
    public bool IsExecutable => Executable is not null;

    public IReadOnlyList<ReasonCode> Reasons => Violations.Select(v => v.Code).ToArray();

    internal static Verdict Accept(int index, TradingDecision decision, decimal? price = null, decimal? rr = null) =>
        new(index, decision, VerdictKind.Accepted) { Executable = decision, ReferencePrice = price, RiskReward = rr };

    /// <summary>Accepted with the decision restated in the executable form (a partial close's size as a fraction of the position).</summary>
    internal static Verdict AcceptAs(int index, TradingDecision decision, TradingDecision executable, decimal? price) =>
        new(index, decision, VerdictKind.Accepted) { Executable = executable, ReferencePrice = price };

    internal static Verdict Adjust(int index, TradingDecision decision, TradingDecision executable, IReadOnlyList<Adjustment> adjustments, decimal price, decimal? rr) =>
        new(index, decision, VerdictKind.Adjusted) { Executable = executable, Adjustments = adjustments, ReferencePrice = price, RiskReward = rr };

    internal static Verdict Reject(int index, TradingDecision decision, IReadOnlyList<RuleViolation> violations, decimal? price = null, decimal? rr = null) =>
        violations.Count == 0
            ? throw new ArgumentException("A rejection needs at least one violation.", nameof(violations))
            : new(index, decision, VerdictKind.Rejected) { Violations = violations, ReferencePrice = price, RiskReward = rr };
}

public static class VerdictExtensions
{
    /// <summary>The opens and closes to execute, in batch order: never a rejected one, never a hold or wait.</summary>
    public static IReadOnlyList<TradingDecision> ToExecute(this IEnumerable<Verdict> verdicts) =>
        verdicts
            .Where(v => v.IsExecutable)
            .Select(v => v.Executable!)
            .Where(d => d.IsOpen || d.IsClose)
            .ToArray();
}
