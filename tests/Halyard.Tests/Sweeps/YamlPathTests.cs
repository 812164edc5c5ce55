using Halyard.Sweeps.Planning;
using YamlDotNet.RepresentationModel;

namespace Halyard.Tests.Sweeps;

public class YamlPathTests
{
    private static YamlMappingNode Doc(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Text(YamlMappingNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    [Fact]
    public void Set_MissingMappings_AreCreated()
    {
        var root = Doc("replay:\n  out: x\n");
        var path = YamlPath.Parse("decision_maker.model").Value!;

        Assert.Null(path!.Set(root, new YamlScalarNode("gpt-4o")));
        Assert.Contains("decision_maker:\n  model: gpt-4o", Text(root), StringComparison.Ordinal);
        Assert.Contains("out: x", Text(root), StringComparison.Ordinal);
    }

    [Fact]
    public void Set_StarIndex_SetsEveryItem()
    {
        var root = Doc("traders:\n- id: a\n  risk_params: { altcoin_leverage: 10 }\n- id: b\n");
        var path = YamlPath.Parse("traders[*].risk_params.altcoin_leverage").Value!;

        Assert.Null(path!.Set(root, new YamlScalarNode("5")));
        var traders = (YamlSequenceNode)root.Children[new YamlScalarNode("traders")];
        Assert.All(traders.Children, t => Assert.Equal("5", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)t).Children[new YamlScalarNode("risk_params")]).Children[new YamlScalarNode("altcoin_leverage")]).Value));
    }

    [Fact]
    public void Set_IndexBeyondTheList_IsAnErrorNamingThePath()
    {
        var root = Doc("traders:\n- id: a\n");
        var path = YamlPath.Parse("traders[3].shadow").Value!;

        var error = path!.Set(root, new YamlScalarNode("true"));

        Assert.NotNull(error);
        Assert.Contains("traders", error, StringComparison.Ordinal);
        Assert.Contains("[3]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("traders[x].id")]
    [InlineData("traders[0.id")]
    public void Parse_Malformed_IsAnError(string text) => Assert.NotNull(YamlPath.Parse(text).Error);

    [Fact]
    public void Parse_LastKey_IsTheAxisDefaultName() => Assert.Equal("altcoin_leverage", YamlPath.Parse("traders[0].risk_params.altcoin_leverage").Value!.LastKey);
}
