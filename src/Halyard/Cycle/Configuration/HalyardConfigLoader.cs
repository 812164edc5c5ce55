using Halyard.Cycle.Configuration.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Halyard.Cycle.Configuration;

/// <summary>
/// Loads the YAML configuration. Never throws for a bad file: the result carries every error and warning,
/// each naming the field path, the value and what is allowed; <see cref="ConfigLoadResult.Config"/> is set
/// only when there is no error. Unknown keys are errors.
/// </summary>
public static class HalyardConfigLoader
{
    /// <summary>
    /// Reads a file. Relative input paths (cassette, prompt template, key file, data dir) are resolved
    /// against the file's directory and must exist; unset key environment variables are warned about.
    /// </summary>
    public static ConfigLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigLoadResult(null, [new ConfigIssue(ConfigSeverity.Error, "", full, $"cannot read the configuration file: {e.Message}")]);
        }

        return Parse(text, new ConfigLoadOptions
        {
            BaseDirectory = Path.GetDirectoryName(full),
            Environment = Environment.GetEnvironmentVariable,
        });
    }

    /// <summary>Reads YAML text; without options, paths are kept as written and nothing outside the text is consulted.</summary>
    public static ConfigLoadResult Parse(string yamlText, ConfigLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var diag = new ConfigDiagnostics();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException e)
        {
            var issue = new ConfigIssue(ConfigSeverity.Error, "", null, $"not valid YAML: {e.InnerException?.Message ?? StripMark(e.Message)}", (int)e.Start.Line, (int)e.Start.Column);
            return new ConfigLoadResult(null, [issue]);
        }

        if (stream.Documents.Count > 1)
        {
            diag.Error("", stream.Documents[1].RootNode, null, "one YAML document expected, found several ('---')");
        }

        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        var config = DocumentReader.Read(root, new ReadContext(diag, options ?? new ConfigLoadOptions()));
        var issues = diag.Issues.OrderBy(i => i.Line ?? int.MaxValue).ToArray();
        return new ConfigLoadResult(diag.HasErrors ? null : config, issues);
    }

    /// <summary>YamlDotNet prefixes its messages with "(Line: .., Col: .., Idx: ..) - (..): "; the issue carries the position already.</summary>
    private static string StripMark(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
