using Halyard.Decisions;
using Halyard.Domain;

namespace Halyard.Tests.Cycle.Support;

/// <summary>A decision maker that answers each cycle from a script: decisions, or a failed model call.</summary>
internal sealed class ScriptedMaker : IDecisionMaker
{
    private readonly Queue<Func<DecisionContext, DecisionOutcome>> _script = new();

    public string Name => "scripted";

    public List<DecisionContext> Contexts { get; } = [];

    /// <summary>Answers with <paramref name="decisions"/> (every later cycle holds once the script runs out).</summary>
    public ScriptedMaker Then(params TradingDecision[] decisions)
    {
        _script.Enqueue(_ => Answer(decisions));
        return this;
    }

    /// <summary>Answers with decisions computed from the context (e.g. from its prices).</summary>
    public ScriptedMaker Then(Func<DecisionContext, TradingDecision[]> decide)
    {
        _script.Enqueue(ctx => Answer(decide(ctx)));
        return this;
    }

    /// <summary>A failed model call (timeout or provider error).</summary>
    public ScriptedMaker ThenFail(DecisionErrorKind kind = DecisionErrorKind.Provider)
    {
        _script.Enqueue(_ => Answer([]) with { Error = new DecisionError(kind, ErrorClass.Temporary, "scripted " + kind) });
        return this;
    }

    public Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Contexts.Add(context);
        return Task.FromResult(_script.Count > 0 ? _script.Dequeue()(context) : Answer([]));
    }

    private static DecisionOutcome Answer(IReadOnlyList<TradingDecision> decisions) => new()
    {
        Maker = "scripted",
        Decisions = decisions,
        Cot = "scripted",
        Raw = "[]",
        PromptDigest = "00",
    };
}
