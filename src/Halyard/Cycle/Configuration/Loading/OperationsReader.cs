namespace Halyard.Cycle.Configuration.Loading;

/// <summary>Reads <c>logging</c>, <c>alerts</c> and <c>control</c>.</summary>
internal static class OperationsReader
{
    private static readonly string[] Levels = ["debug", "information", "warning", "error"];

    public static LoggingConfig ReadLogging(MappingReader r)
    {
        var d = new LoggingConfig();
        var config = new LoggingConfig
        {
            Format = r.Value("format", d.Format, Scalars.Enum(("plain", LogFormat.Plain), ("json", LogFormat.Json))),
            Level = r.Value("level", d.Level, new Scalar<string>("debug | information | warning | error", text => (Levels.Contains(text), text))),
        };
        r.Finish();
        return config;
    }

    public static AlertsConfig ReadAlerts(MappingReader r)
    {
        var config = new AlertsConfig
        {
            WebhookUrl = r.Optional("webhook_url", Scalars.HttpUrl),
            Command = r.Optional("command", Scalars.Text),
        };
        r.Finish();
        return config;
    }

    public static ControlConfig ReadControl(MappingReader r)
    {
        var d = new ControlConfig();
        var config = new ControlConfig
        {
            Enabled = r.Value("enabled", d.Enabled, Scalars.Bool),
            Port = r.Value("port", d.Port, Scalars.Int(0, 65535)),
        };
        r.Finish();
        return config;
    }
}
