using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Operations.Alerts;

/// <summary>Stable alert kinds (the <c>kind</c> field of the JSON).</summary>
public static class AlertKinds
{
    public const string LoopFaulted = "loop_faulted";
    public const string LoopStopped = "loop_stopped";
    public const string Unprotected = "position_unprotected";
    public const string BreakerTripped = "breaker_tripped";
    public const string VenueDown = "venue_down";
    public const string SafeMode = "llm_safe_mode";
    public const string CycleFailed = "cycle_failed";
    public const string ProcessStopped = "process_stopped";
    public const string ControlAction = "control_action";
}

/// <summary>One alert, posted as JSON: <c>{"kind","severity","trader","time","message","run"}</c>.</summary>
public sealed record Alert(string Kind, string Severity, string? Trader, DateTimeOffset Time, string Message, string Run)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Alert? FromJson(string json) => JsonSerializer.Deserialize<Alert>(json, Json);
}
