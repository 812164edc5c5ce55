using System.Text.RegularExpressions;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>Recognises text that looks like a key or token, so it is never echoed in a message.</summary>
internal static partial class SecretText
{
    public const string Redacted = "<redacted>";

    private static readonly string[] KeyPrefixes = ["sk-", "sk_", "sk-ant-", "gsk_", "hf_", "xai-", "AIza", "ghp_", "github_pat_"];

    /// <summary>Keys whose presence means a literal secret was pasted into the file.</summary>
    public static readonly IReadOnlySet<string> SecretKeyNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "api_key", "apikey", "key", "private_key", "secret", "secret_key", "api_secret", "password", "token", "mnemonic", "seed_phrase",
    };

    public static bool LooksLikeSecret(string text)
    {
        if (KeyPrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }

        if (HexKeyPattern().IsMatch(text))
        {
            return true;
        }

        // A long run of mixed letters and digits with no separators reads as a token, not a name.
        return text.Length >= 24 && !text.Contains('_', StringComparison.Ordinal) && text.Any(char.IsAsciiDigit) && text.Any(char.IsAsciiLetter)
            && !text.Contains('/', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal);
    }

    public static string Redact(string text) => LooksLikeSecret(text) ? Redacted : text;

    [GeneratedRegex("^(0x)?[0-9a-fA-F]{64}$")]
    private static partial Regex HexKeyPattern();
}
