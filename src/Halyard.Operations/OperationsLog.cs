using Microsoft.Extensions.Logging;

namespace Halyard.Operations;

/// <summary>The operations area's log messages (event ids 5000–5099, stable).</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "Alert {Kind} ({Trader}): {Text}")]
    public static partial void Alert(ILogger logger, string kind, string trader, string text);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Alert delivery by {Hook} failed for {Kind}, attempt {Attempt}/{MaxAttempts}: {Problem}")]
    public static partial void AlertRetry(ILogger logger, string hook, string kind, int attempt, int maxAttempts, string problem);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Control API and dashboard on {Url} (token in {TokenFile})")]
    public static partial void ControlListening(ILogger logger, string url, string tokenFile);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Control action {Action} on {Target} by {Who}: {Result}: {Detail}")]
    public static partial void ControlAction(ILogger logger, string action, string target, string who, string result, string detail);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Control API refused a request to {Path} from {Remote}: no valid token")]
    public static partial void Unauthorized(ILogger logger, string path, string remote);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Watchdog could not read the venue: {Problem}")]
    public static partial void WatchdogReadFailed(ILogger logger, string problem);
}
