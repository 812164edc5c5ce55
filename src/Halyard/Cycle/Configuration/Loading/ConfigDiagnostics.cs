using YamlDotNet.RepresentationModel;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>Collects the issues of one load; values that look like secrets are redacted on the way in.</summary>
internal sealed class ConfigDiagnostics
{
    private readonly List<ConfigIssue> _issues = [];

    public IReadOnlyList<ConfigIssue> Issues => _issues;

    public bool HasErrors => _issues.Any(i => i.Severity == ConfigSeverity.Error);

    public void Error(string path, YamlNode? node, string? value, string message) =>
        Add(ConfigSeverity.Error, path, node, value, message);

    public void Warning(string path, YamlNode? node, string? value, string message) =>
        Add(ConfigSeverity.Warning, path, node, value, message);

    private void Add(ConfigSeverity severity, string path, YamlNode? node, string? value, string message)
    {
        var shown = value is null ? null : SecretText.Redact(value);
        int? line = node is null ? null : (int)node.Start.Line;
        int? column = node is null ? null : (int)node.Start.Column;
        _issues.Add(new ConfigIssue(severity, path, shown, message, line, column));
    }
}
