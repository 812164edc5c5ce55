using Halyard.Cycle.Configuration;

namespace Halyard.Tests.Cycle.Configuration;

public class ConfigDocsTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Halyard.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine([dir.FullName, .. parts]);
    }

    [Fact]
    public void ConfigurationDoc_DocumentsEveryKeyTheLoaderKnows()
    {
        var doc = File.ReadAllText(RepoFile("docs", "configuration.md"));
        var missing = ConfigSchema.AllKeyPaths.Where(path => !doc.Contains($"`{path}`", StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "undocumented keys: " + string.Join(", ", missing));
    }

    [Fact]
    public void ConfigurationDoc_DocumentsNoKeyTheLoaderRejects()
    {
        var doc = File.ReadAllLines(RepoFile("docs", "configuration.md"));
        var known = ConfigSchema.AllKeyPaths.ToHashSet(StringComparer.Ordinal);
        var documented = doc
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line[3..line.IndexOf('`', 3)])
            .ToArray();
        Assert.NotEmpty(documented);
        Assert.All(documented, path => Assert.Contains(path, known));
    }

    [Fact]
    public void Schema_KeyPathsAreUnique() =>
        Assert.Equal(ConfigSchema.AllKeyPaths.Count(), ConfigSchema.AllKeyPaths.Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void StarterFile_WritesEveryKeyOfEveryAlwaysPresentSection()
    {
        // The signer and the fund list are optional and written as one-line examples.
        var yaml = HalyardConfig.Default().ToYaml();
        foreach (var key in ConfigSchema.All.Where(s => s != ConfigSchema.Signer && s != ConfigSchema.Fund).SelectMany(s => s.Keys))
        {
            Assert.Contains(key.Name + ":", yaml, StringComparison.Ordinal);
        }
    }
}
