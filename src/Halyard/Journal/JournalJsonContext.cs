using System.Text.Json.Serialization;

namespace Halyard.Journal;

/// <summary>
/// Compile-time metadata for <see cref="DecisionCycleRecord"/>'s graph, so <see cref="JournalJson"/> serialises
/// without reflection. Only the metadata comes from here: names, converters, escaping and the omission of empty
/// optional properties are <see cref="JournalJson"/>'s options, as before (the same bytes).
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DecisionCycleRecord))]
[JsonSerializable(typeof(List<DecisionRecord>))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
