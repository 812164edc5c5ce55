using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Halyard.Sweeps.Definition;

/// <summary>The root mapping of a small YAML file (a sweep, a cluster), or why it is not valid YAML.</summary>
public static class YamlRoot
{
    /// <summary>The first document's root mapping (empty when there is none); null and the error when the text is not YAML.</summary>
    public static (YamlMappingNode? Root, string? Error) Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode m ? m : new YamlMappingNode(), null);
        }
        catch (YamlException e)
        {
            return (null, $"not valid YAML (line {e.Start.Line}): {e.InnerException?.Message ?? e.Message}");
        }
    }
}
