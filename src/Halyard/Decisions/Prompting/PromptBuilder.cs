using System.Security.Cryptography;
using System.Text;

namespace Halyard.Decisions.Prompting;

/// <summary>How prompts are rendered.</summary>
public sealed record PromptOptions
{
    /// <summary>Values shown per indicator series (the newest ones).</summary>
    public int SeriesLength { get; init; } = 10;

    /// <summary>True when the provider enforces the JSON schema (the output contract then asks for bare JSON).</summary>
    public bool StructuredOutput { get; init; }
}

/// <summary>A rendered prompt and its digest: SHA-256 (lowercase hex) of UTF-8(system + "\n\n" + user).</summary>
public sealed record RenderedPrompt(string System, string User, string Digest)
{
    public static string DigestOf(string system, string user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(system + "\n\n" + user)));
}

/// <summary>Renders the system and user prompts of one cycle from the template and the context.</summary>
public sealed class PromptBuilder(PromptTemplate template, PromptOptions options)
{
    public PromptBuilder()
        : this(PromptTemplate.Default, new PromptOptions())
    {
    }

    public PromptOptions Options => options;

    public RenderedPrompt Build(DecisionContext ctx)
    {
        var budget = SystemSections.Budget(ctx);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["trader_id"] = ctx.TraderId,
            ["time"] = PromptFormat.Time(ctx.Time),
            ["cycle"] = ctx.Cycle.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["rules"] = SystemSections.Rules(ctx),
            ["budget"] = budget,
            ["fees"] = SystemSections.Fees(ctx),
            ["gating"] = SystemSections.Gating(ctx),
            ["output_contract"] = SystemSections.OutputContract(options.StructuredOutput),
            ["account"] = MarketSections.Account(ctx),
            ["positions"] = MarketSections.Positions(ctx),
            ["performance"] = MarketSections.Performance(ctx),
            ["candidates"] = MarketSections.Candidates(ctx, options.SeriesLength),
        };
        var system = PromptTemplate.Fill(template.System, values);
        var user = PromptTemplate.Fill(template.User, values);
        return new RenderedPrompt(system, user, RenderedPrompt.DigestOf(system, user));
    }
}
