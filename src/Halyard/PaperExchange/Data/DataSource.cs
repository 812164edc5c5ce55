using System.Reflection;

namespace Halyard.PaperExchange.Data;

/// <summary>Where the market data files live: paths are relative and use <c>/</c>, e.g. <c>hyperliquid/candles/BTC_5m.csv.gz</c>.</summary>
internal interface IDataSource
{
    /// <summary>Every file path the source holds.</summary>
    IReadOnlyList<string> Files { get; }

    Stream Open(string path);
}

/// <summary>The files embedded in <c>Halyard.dll</c> from the repository's <c>data/</c> folder.</summary>
internal sealed class EmbeddedDataSource : IDataSource
{
    internal const string Prefix = "halyard-data/";
    private readonly Assembly _assembly;
    private readonly Dictionary<string, string> _resourceByPath = new(StringComparer.Ordinal);

    public EmbeddedDataSource(Assembly assembly)
    {
        _assembly = assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalised = resource.Replace('\\', '/');
            if (normalised.StartsWith(Prefix, StringComparison.Ordinal))
            {
                _resourceByPath[normalised[Prefix.Length..]] = resource;
            }
        }

        Files = [.. _resourceByPath.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Files { get; }

    public Stream Open(string path) =>
        _resourceByPath.TryGetValue(path, out var resource) && _assembly.GetManifestResourceStream(resource) is { } stream
            ? stream
            : throw new FileNotFoundException("No embedded data file " + path);
}

/// <summary>A user-supplied directory with the same layout as <c>data/</c>.</summary>
internal sealed class DirectoryDataSource : IDataSource
{
    private readonly string _root;

    public DirectoryDataSource(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException("Market data directory not found: " + root);
        }

        _root = Path.GetFullPath(root);
        Files = [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Files { get; }

    public Stream Open(string path) => File.OpenRead(Path.Combine(_root, path));
}
