using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;

namespace Halyard.Sweeps.Planning;

/// <summary>
/// What identifies a job's result: SHA-256 over the canonical configuration (<see cref="HalyardConfig.ToYaml"/>,
/// so layout and comments do not count), the resolved window, and the contents of the input files it names
/// (prompt templates, cassettes). Change any of them and it is a new job.
/// </summary>
public static class ConfigDigest
{
    public static string Of(string canonicalYaml, ReplayWindow window, IEnumerable<string> inputFiles)
    {
        ArgumentNullException.ThrowIfNull(canonicalYaml);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(inputFiles);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(canonicalYaml));
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\nwindow {window.From:O} {window.To:O}\n")));
        foreach (var file in inputFiles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            if (File.Exists(file))
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
