using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Journal;

/// <summary>
/// <see cref="DecisionCycleRecord.Decisions"/> in the journal (schema 2): a decision whose reasoning is the same
/// text as an earlier decision's of the same record (the baseline's "budget used" waits, one per coin) is written
/// with <see cref="DecisionRecord.ReasoningOf"/>, that decision's index, instead of the text again. Reading puts
/// the text back and clears the index, so a decision reads back as it was written; schema 1 lists read unchanged.
/// </summary>
internal sealed class DecisionListJson : JsonConverter<IReadOnlyList<DecisionRecord>>
{
    public override IReadOnlyList<DecisionRecord> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var decisions = JsonSerializer.Deserialize<List<DecisionRecord>>(ref reader, options)
            ?? throw new JsonException("decisions is a list, not null.");
        for (var i = 0; i < decisions.Count; i++)
        {
            if (decisions[i].ReasoningOf is not { } of)
            {
                continue;
            }

            if (of < 0 || of >= i || decisions[of].Reasoning is not { } reasoning || decisions[i].Reasoning is not null)
            {
                throw new JsonException($"decisions[{i}].reasoning_of {of} does not name an earlier decision with reasoning.");
            }

            decisions[i] = decisions[i] with { Reasoning = reasoning, ReasoningOf = null };
        }

        return decisions;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<DecisionRecord> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var info = options.GetTypeInfo(typeof(DecisionRecord));
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            var decision = value[i];
            var of = FirstWithSameReasoning(value, i);
            JsonSerializer.Serialize(writer, of < 0 ? decision : decision with { Reasoning = null, ReasoningOf = of }, info);
        }

        writer.WriteEndArray();
    }

    /// <summary>The index of the first earlier decision with the same reasoning text, or −1.</summary>
    private static int FirstWithSameReasoning(IReadOnlyList<DecisionRecord> decisions, int index)
    {
        if (decisions[index].Reasoning is not { Length: > 0 } reasoning)
        {
            return -1;
        }

        for (var j = 0; j < index; j++)
        {
            if (string.Equals(decisions[j].Reasoning, reasoning, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return -1;
    }
}
