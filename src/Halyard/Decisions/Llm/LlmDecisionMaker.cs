using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;
using Halyard.Domain;
using Microsoft.Extensions.AI;

namespace Halyard.Decisions.Llm;

/// <summary>
/// Asks a model through <see cref="IChatClient"/>: renders the prompt, calls with the configured timeout,
/// parses the reply, makes at most one gentle retry that names what was wrong, and discards an answer
/// older than the staleness bound (measured from the context's time, the moment its market data was
/// taken, or from the start of the call if that is longer). Every failure is a value in the outcome (no decisions = hold);
/// only the caller's own cancellation propagates.
/// </summary>
public sealed class LlmDecisionMaker(IChatClient client, LlmOptions options, PromptBuilder prompts, TimeProvider time) : IDecisionMaker
{
    private readonly record struct Call(string Text, TokenUsage Usage, TimeSpan Latency, DecisionError? Error);

    public string Name => $"llm:{options.Provider}:{options.Model}";

    public async Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = time.GetTimestamp();
        var prompt = prompts.Build(context);
        var parseOptions = context.ToParseOptions();
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, prompt.System),
            new(ChatRole.User, prompt.User),
        };
        var attempts = new List<DecisionAttempt>();
        DecisionError? retryError = null;

        var first = await CallAsync(messages, cancellationToken).ConfigureAwait(false);
        if (first.Error is { } firstError)
        {
            return Outcomes.Hold(Name, prompt, options.IncludeFullPrompt, firstError, attempts, time.GetElapsedTime(started));
        }

        var chosen = DecisionParser.Parse(first.Text, parseOptions);
        attempts.Add(new DecisionAttempt(first.Text, chosen, first.Usage, first.Latency));
        if (chosen.NeedsRetry && options.MaxRetries > 0)
        {
            messages.Add(new ChatMessage(ChatRole.Assistant, first.Text));
            messages.Add(new ChatMessage(ChatRole.User, RetryMessage.For(chosen, options.UsesStructuredOutput)));
            var second = await CallAsync(messages, cancellationToken).ConfigureAwait(false);
            retryError = second.Error;
            if (second.Error is null)
            {
                var retried = DecisionParser.Parse(second.Text, parseOptions);
                attempts.Add(new DecisionAttempt(second.Text, retried, second.Usage, second.Latency));
                if (retried.Outcome != ParseOutcome.Failed || chosen.Outcome == ParseOutcome.Failed)
                {
                    chosen = retried;
                }
            }
        }

        var latency = time.GetElapsedTime(started);
        var age = TimeSpan.FromTicks(Math.Max(latency.Ticks, (time.GetUtcNow() - context.Time).Ticks));
        if (age > options.StalenessBound)
        {
            var stale = new DecisionError(
                DecisionErrorKind.Stale,
                ErrorClass.Temporary,
                FormattableString.Invariant($"answer arrived {age.TotalSeconds:0.#}s after the cycle's market data, beyond the staleness bound of {options.StalenessBound.TotalSeconds:0.#}s; discarded"));
            return Outcomes.Hold(Name, prompt, options.IncludeFullPrompt, stale, attempts, latency);
        }

        var outcome = Outcomes.FromParse(Name, prompt, options.IncludeFullPrompt, chosen, attempts, latency);
        return outcome.Error is { } parseError && retryError is not null
            ? outcome with { Error = parseError with { Message = $"{parseError.Message}; the retry failed: {retryError.Message}" } }
            : outcome;
    }

    private async Task<Call> CallAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var chatOptions = new ChatOptions
        {
            ModelId = options.Model,
            MaxOutputTokens = options.MaxOutputTokens,
            Temperature = options.Temperature,
            ResponseFormat = options.UsesStructuredOutput ? DecisionSchema.ResponseFormat : null,
        };
        try
        {
            var response = await client.GetResponseAsync(messages, chatOptions, linked.Token).ConfigureAwait(false);
            var usage = response.Usage is { } u
                ? new TokenUsage(u.InputTokenCount ?? 0, u.OutputTokenCount ?? 0, u.TotalTokenCount ?? ((u.InputTokenCount ?? 0) + (u.OutputTokenCount ?? 0)))
                : TokenUsage.Zero;
            return new Call(response.Text, usage, time.GetElapsedTime(started), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var error = new DecisionError(DecisionErrorKind.Timeout, ErrorClass.Temporary, FormattableString.Invariant($"no answer within {options.Timeout.TotalSeconds:0.#}s"));
            return new Call(string.Empty, TokenUsage.Zero, time.GetElapsedTime(started), error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Call(string.Empty, TokenUsage.Zero, time.GetElapsedTime(started), LlmErrors.Classify(ex));
        }
    }
}
