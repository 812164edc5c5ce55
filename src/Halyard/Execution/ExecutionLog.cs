using Microsoft.Extensions.Logging;

namespace Halyard.Execution;

/// <summary>The Orchestrator's log messages (event ids 2000–2099, stable). Never a key or a signature.</summary>
internal static partial class ExecutionLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "{Trader} venue request failed ({ErrorClass}: {Error}); retry {Retry} of {MaxRetries} in {DelayMs} ms ({Profile})")]
    public static partial void Retrying(ILogger logger, string trader, string errorClass, string error, int retry, int maxRetries, double delayMs, string profile);
}
