using Halyard.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Halyard.Sweeps.Definition;

/// <summary>The root mapping of a small YAML file (a sweep, a cluster), or why it is not valid YAML.</summary>
public static class YamlRoot
{
    /// <summary>The first document's root mapping (empty when there is none), or why the text is not YAML.</summary>
    public static Result<YamlMappingNode> Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode m ? m : new YamlMappingNode();
        }
        catch (YamlException e)
        {
            return Error.Invalid($"not valid YAML (line {e.Start.Line}): {e.InnerException?.Message ?? e.Message}");
        }
    }
}
