using Halyard.Journal;

namespace Halyard.Cycle;

/// <summary>Marks a shadow trader's action records with the venue they went to, so no reader takes them for live orders.</summary>
internal static class ActionVenues
{
    /// <summary>The <see cref="ActionRecord.Venue"/> of a shadow trader's actions: its own in-process paper account.</summary>
    public const string Shadow = "shadow";

    public static DecisionCycleRecord Stamp(DecisionCycleRecord record, bool shadow) =>
        shadow ? record with { Actions = Stamp(record.Actions, shadow) } : record;

    public static IReadOnlyList<ActionRecord> Stamp(IReadOnlyList<ActionRecord> actions, bool shadow) =>
        shadow ? [.. actions.Select(a => a with { Venue = Shadow })] : actions;
}
