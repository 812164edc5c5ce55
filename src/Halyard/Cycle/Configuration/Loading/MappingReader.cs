using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>
/// Reads one YAML mapping against its <see cref="SchemaSection"/>: typed values with defaults, every
/// problem reported with its path, and every key the schema does not know reported as an error (with a
/// suggestion), so a typo can never silently leave a guard at its default.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly SchemaSection _section;
    private readonly ConfigDiagnostics _diag;

    public MappingReader(YamlNode? node, string path, SchemaSection section, ConfigDiagnostics diag)
    {
        Path = path;
        Node = node;
        _section = section;
        _diag = diag;
        if (node is null || IsNull(node))
        {
            return;
        }

        if (node is not YamlMappingNode mapping)
        {
            diag.Error(path, node, Describe(node), "expected a mapping of keys (key: value lines)");
            return;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode scalarKey || scalarKey.Value is null)
            {
                diag.Error(path, key, null, "a key must be a plain name");
                continue;
            }

            if (!_entries.TryAdd(scalarKey.Value, (scalarKey, value)))
            {
                diag.Error(Child(scalarKey.Value), scalarKey, null, "the key appears twice");
            }
        }
    }

    public string Path { get; }

    public YamlNode? Node { get; }

    public bool Has(string key) => _entries.ContainsKey(Ask(key)) && !IsNull(_entries[key].Value);

    public string Child(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>The value, or <paramref name="fallback"/> when the key is absent (an explicit null is an error).</summary>
    public T Value<T>(string key, T fallback, Scalar<T> kind)
    {
        if (!_entries.TryGetValue(Ask(key), out var entry))
        {
            return fallback;
        }

        if (IsNull(entry.Value))
        {
            _diag.Error(Child(key), entry.Value, null, $"a value is required; allowed: {kind.Allowed} (remove the key to use the default)");
            return fallback;
        }

        return Read(key, entry.Value, kind, out var value) ? value : fallback;
    }

    /// <summary>The value, or null when the key is absent or null.</summary>
    public T? Optional<T>(string key, Scalar<T> kind)
        where T : class =>
        _entries.TryGetValue(Ask(key), out var entry) && !IsNull(entry.Value) && Read(key, entry.Value, kind, out var value) ? value : null;

    /// <summary>The value, or null when the key is absent or null.</summary>
    public T? OptionalValue<T>(string key, Scalar<T> kind)
        where T : struct =>
        _entries.TryGetValue(Ask(key), out var entry) && !IsNull(entry.Value) && Read(key, entry.Value, kind, out var value) ? value : null;

    /// <summary>The raw node of a key (for values with a special form), or null.</summary>
    public YamlNode? Raw(string key) => _entries.TryGetValue(Ask(key), out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    /// <summary>A nested mapping (an absent one reads as empty, so every key takes its default).</summary>
    public MappingReader Mapping(string key, SchemaSection section) =>
        new(_entries.TryGetValue(Ask(key), out var entry) ? entry.Value : null, Child(key), section, _diag);

    /// <summary>The items of a nested list with their paths, or null when the key is absent.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)>? Sequence(string key)
    {
        if (!_entries.TryGetValue(Ask(key), out var entry) || IsNull(entry.Value))
        {
            return null;
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            _diag.Error(Child(key), entry.Value, Describe(entry.Value), "expected a list (lines starting with '- ', or [a, b])");
            return null;
        }

        return sequence.Children
            .Select((item, i) => (item, string.Create(CultureInfo.InvariantCulture, $"{Child(key)}[{i}]")))
            .ToArray();
    }

    /// <summary>A list of scalars, or <paramref name="fallback"/> when absent.</summary>
    public IReadOnlyList<T> ScalarList<T>(string key, IReadOnlyList<T> fallback, Scalar<T> kind)
    {
        var items = Sequence(key);
        if (items is null)
        {
            return fallback;
        }

        var values = new List<T>();
        foreach (var (node, path) in items)
        {
            if (ReadScalar(path, node, kind, out var value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>
    /// Reads a key under its former name too: <paramref name="formerKey"/> is taken as <paramref name="key"/>
    /// with a deprecation warning; both present is an error (the current one wins).
    /// </summary>
    public void AcceptFormerName(string formerKey, string key)
    {
        if (!_entries.Remove(formerKey, out var former))
        {
            return;
        }

        if (_entries.ContainsKey(key))
        {
            _diag.Error(Child(formerKey), former.Key, null, $"'{formerKey}' is the former name of '{key}' and both are set; keep only '{key}'");
            return;
        }

        _entries[key] = former;
        _diag.Warning(Child(formerKey), former.Key, null, $"'{formerKey}' is deprecated; rename it to '{key}' (read as '{key}' for now)");
    }

    public void Error(string key, string? value, string message) =>
        _diag.Error(Child(key), _entries.TryGetValue(key, out var e) ? e.Value : Node, value, message);

    /// <summary>An issue about this mapping as a whole.</summary>
    public void ErrorHere(string? value, string message) => _diag.Error(Path, Node, value, message);

    public void Warning(string key, string? value, string message) =>
        _diag.Warning(Child(key), _entries.TryGetValue(key, out var e) ? e.Value : Node, value, message);

    /// <summary>Reports unknown keys. Every key of the schema must have been read (a bug otherwise).</summary>
    public void Finish()
    {
        foreach (var (name, (keyNode, valueNode)) in _entries)
        {
            if (_section.Contains(name))
            {
                continue;
            }

            if (SecretText.SecretKeyNames.Contains(name))
            {
                _diag.Error(Child(name), keyNode, valueNode is YamlScalarNode ? SecretText.Redacted : null,
                    "literal secrets are not accepted in the configuration; name an environment variable (api_key_env, signer.key_env) or a key file (signer.key_file)");
                continue;
            }

            var suggestion = KeySuggestion.Closest(name, _section.Keys.Select(k => k.Name));
            var hint = suggestion is null ? "" : $"did you mean '{suggestion}'? ";
            _diag.Error(Child(name), keyNode, null,
                $"unknown key; {hint}allowed keys here: {string.Join(", ", _section.Keys.Select(k => k.Name))}");
        }

        var unread = _section.Keys.Select(k => k.Name).Where(k => !_asked.Contains(k)).ToArray();
        if (unread.Length > 0)
        {
            throw new InvalidOperationException($"The reader of {_section.Path} never read: {string.Join(", ", unread)}.");
        }
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string? Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value,
        YamlMappingNode => "(a mapping)",
        YamlSequenceNode => "(a list)",
        _ => null,
    };

    private bool Read<T>(string key, YamlNode node, Scalar<T> kind, out T value) => ReadScalar(Child(key), node, kind, out value);

    private bool ReadScalar<T>(string path, YamlNode node, Scalar<T> kind, out T value)
    {
        value = default!;
        if (node is not YamlScalarNode { Value: { } text })
        {
            _diag.Error(path, node, Describe(node), $"expected a single value; allowed: {kind.Allowed}");
            return false;
        }

        if (kind.TryParse(text, out value))
        {
            return true;
        }

        _diag.Error(path, node, text, $"allowed: {kind.Allowed}");
        return false;
    }

    private string Ask(string key)
    {
        if (!_section.Contains(key))
        {
            throw new InvalidOperationException($"'{key}' is not in the schema of {_section.Path}.");
        }

        _asked.Add(key);
        return key;
    }
}
