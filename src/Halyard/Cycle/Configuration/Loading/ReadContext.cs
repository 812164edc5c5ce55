namespace Halyard.Cycle.Configuration.Loading;

/// <summary>What every section reader needs: where issues go and what the loader may consult.</summary>
internal sealed record ReadContext(ConfigDiagnostics Diag, ConfigLoadOptions Options)
{
    /// <summary>
    /// An input file or directory: resolved against <see cref="ConfigLoadOptions.BaseDirectory"/> and
    /// required to exist when a base directory is given; returned as written otherwise.
    /// </summary>
    public string? InputPath(MappingReader reader, string key, bool directory = false)
    {
        var written = reader.Optional(key, Scalars.Path);
        if (written is null || Options.BaseDirectory is null)
        {
            return written;
        }

        var resolved = System.IO.Path.GetFullPath(written, Options.BaseDirectory);
        var exists = directory ? Directory.Exists(resolved) : File.Exists(resolved);
        if (!exists)
        {
            reader.Error(key, written, $"{(directory ? "directory" : "file")} not found: {resolved}");
        }

        return resolved;
    }

    /// <summary>Warns when a named environment variable is not set (only when an environment is given).</summary>
    public void CheckEnvironment(MappingReader reader, string key, string? name)
    {
        if (name is not null && Options.Environment is { } lookup && string.IsNullOrEmpty(lookup(name)))
        {
            reader.Warning(key, name, $"the environment variable {name} is not set");
        }
    }
}
