using System.Text.Json;
using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;

namespace Halyard.Decisions.Recorded;

/// <summary>
/// Replays recorded model replies from a JSON-lines cassette (<c>{"raw": "..."}</c> per line; other
/// fields are ignored), one per cycle, in order, wrapping around at the end. Each reply goes through the
/// same parser as a live one (no retry: the cassette has no second answer). The prompt is rendered all
/// the same so the cycle journal records what the model would have seen.
/// </summary>
public sealed class RecordedDecisionMaker : IDecisionMaker
{
    private readonly IReadOnlyList<string> replies;
    private readonly PromptBuilder prompts;
    private readonly TimeProvider time;
    private readonly bool includePrompt;
    private long next = -1;

    public RecordedDecisionMaker(IReadOnlyList<string> replies, PromptBuilder prompts, TimeProvider time, bool includePrompt = false)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (replies.Count == 0)
        {
            throw new ArgumentException("a cassette needs at least one reply", nameof(replies));
        }

        this.replies = replies;
        this.prompts = prompts;
        this.time = time;
        this.includePrompt = includePrompt;
    }

    public string Name => "recorded";

    /// <summary>Reads a cassette; throws <see cref="InvalidDataException"/> naming the line that is not <c>{"raw": "..."}</c>.</summary>
    public static IReadOnlyList<string> LoadCassette(string path)
    {
        var replies = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object
                    || !doc.RootElement.TryGetProperty("raw", out var raw)
                    || raw.ValueKind != JsonValueKind.String)
                {
                    throw new InvalidDataException($"{path}:{number}: expected an object with a string field \"raw\"");
                }

                replies.Add(raw.GetString()!);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not JSON ({ex.Message})", ex);
            }
        }

        return replies.Count > 0 ? replies : throw new InvalidDataException($"{path}: the cassette is empty");
    }

    public Task<DecisionOutcome> DecideAsync(DecisionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var started = time.GetTimestamp();
        var prompt = prompts.Build(context);
        var index = (int)(Interlocked.Increment(ref next) % replies.Count);
        var raw = replies[index];
        var parse = DecisionParser.Parse(raw, context.ToParseOptions());
        var latency = time.GetElapsedTime(started);
        var attempt = new DecisionAttempt(raw, parse, TokenUsage.Zero, latency);
        return Task.FromResult(Outcomes.FromParse(Name, prompt, includePrompt, parse, [attempt], latency));
    }
}
