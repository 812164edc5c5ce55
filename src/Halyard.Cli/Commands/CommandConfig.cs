using System.Globalization;
using Halyard.Cycle.Configuration;

namespace Halyard.Cli.Commands;

/// <summary>What the run and replay commands share: loading the configuration and reading times.</summary>
internal static class CommandConfig
{
    /// <summary>The file's configuration (errors and warnings printed), or the starter configuration when no file is given; null on error.</summary>
    public static HalyardConfig? Load(FileInfo? file, TextWriter error)
    {
        if (file is null)
        {
            return HalyardConfig.Default();
        }

        var loaded = HalyardConfigLoader.Load(file.FullName);
        foreach (var issue in loaded.Issues)
        {
            error.WriteLine(issue.ToString());
        }

        return loaded.Config;
    }

    public static bool TryTime(string? text, string name, TextWriter error, out DateTimeOffset? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        error.WriteLine($"{name} '{text}': expected a UTC date or time, e.g. 2025-07-01 or 2025-07-01T12:00:00Z.");
        return false;
    }
}
