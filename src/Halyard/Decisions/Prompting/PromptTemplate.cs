using System.Text.RegularExpressions;

namespace Halyard.Decisions.Prompting;

/// <summary>
/// The system and user prompt templates with named placeholders (<c>{{rules}}</c>). A template can be
/// replaced by a file with two sections, a line <c>--- system ---</c> and a line <c>--- user ---</c>.
/// Loading fails on an unknown placeholder and on a missing required one (the rules, the budget, the
/// fees, the gating language, the output contract and the market/account data must always reach the
/// model).
/// </summary>
public sealed partial class PromptTemplate
{
    /// <summary>Every placeholder the renderer fills.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "trader_id", "time", "cycle", "rules", "budget", "fees", "gating", "output_contract",
        "account", "positions", "performance", "candidates",
    };

    /// <summary>Placeholders a template must contain (in either section).</summary>
    public static IReadOnlySet<string> Required { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "rules", "budget", "fees", "gating", "output_contract", "account", "positions", "candidates",
    };

    private PromptTemplate(string system, string user)
    {
        System = system;
        User = user;
    }

    public static PromptTemplate Default { get; } = Parse(DefaultPromptText.Template, "built-in template");

    public string System { get; }

    public string User { get; }

    /// <summary>Reads a template file; throws <see cref="FormatException"/> naming the file and the problem.</summary>
    public static PromptTemplate Load(string path) => Parse(File.ReadAllText(path), path);

    public static PromptTemplate Parse(string text, string origin)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var system = Section().Match(normalized) is { Success: true } s ? s : null;
        var user = UserSection().Match(normalized) is { Success: true } u ? u : null;
        if (system is null || user is null || user.Index < system.Index)
        {
            throw new FormatException($"{origin}: a prompt template needs a line '--- system ---' followed later by a line '--- user ---'");
        }

        var systemText = normalized[(system.Index + system.Length)..user.Index].Trim('\n');
        var userText = normalized[(user.Index + user.Length)..].Trim('\n');
        var used = Placeholder().Matches(systemText + "\n" + userText).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var unknown = used.Where(p => !Known.Contains(p)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new FormatException($"{origin}: unknown placeholder(s) {string.Join(", ", unknown.Select(p => "{{" + p + "}}"))}; known: {string.Join(", ", Known.Order(StringComparer.Ordinal))}");
        }

        var missing = Required.Where(p => !used.Contains(p)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw new FormatException($"{origin}: required placeholder(s) missing: {string.Join(", ", missing.Select(p => "{{" + p + "}}"))}");
        }

        return new PromptTemplate(systemText, userText);
    }

    /// <summary>Fills the placeholders of <paramref name="template"/> from <paramref name="values"/>.</summary>
    internal static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values[m.Groups[1].Value]);

    [GeneratedRegex(@"^--- system ---[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex Section();

    [GeneratedRegex(@"^--- user ---[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex UserSection();

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
