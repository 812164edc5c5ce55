namespace Halyard.Cycle.Configuration.Loading;

/// <summary>
/// Reads <c>decision_maker</c> or a trader's own <c>decision_maker</c>. A trader's decision maker replaces the top-level one
/// whole (absent keys take the built-in defaults), so an optional value such as temperature can be left unset.
/// </summary>
internal static class DecisionMakerReader
{
    private static readonly Scalar<DecisionMakerProvider> Providers = Scalars.Enum(
        ("baseline", DecisionMakerProvider.Baseline),
        ("openai", DecisionMakerProvider.OpenAI),
        ("anthropic", DecisionMakerProvider.Anthropic),
        ("recorded", DecisionMakerProvider.Recorded));

    private static readonly Scalar<StructuredOutputMode> StructuredModes = Scalars.Enum(
        ("auto", StructuredOutputMode.Auto), ("on", StructuredOutputMode.On), ("off", StructuredOutputMode.Off));

    public static DecisionMakerConfig Read(MappingReader r, ReadContext ctx)
    {
        var d = new DecisionMakerConfig();
        var config = new DecisionMakerConfig
        {
            Provider = r.Value("provider", d.Provider, Providers),
            Model = r.Optional("model", Scalars.Text),
            BaseUrl = r.Optional("base_url", Scalars.HttpUrl),
            ApiKeyEnv = r.Optional("api_key_env", Scalars.EnvName),
            Timeout = r.Value("timeout", d.Timeout, Scalars.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))),
            MaxOutputTokens = r.Value("max_output_tokens", d.MaxOutputTokens, Scalars.Int(1, 1_000_000)),
            Temperature = r.OptionalValue("temperature", Scalars.Number(0m, 2m, "a number from 0 to 2")),
            StructuredOutput = r.Value("structured_output", d.StructuredOutput, StructuredModes),
            Cassette = ctx.InputPath(r, "cassette"),
            PromptTemplate = ctx.InputPath(r, "prompt_template"),
            StalenessMaxAge = r.Value("staleness_max_age", d.StalenessMaxAge, Scalars.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))),
            StalenessMaxMoveBps = r.Value("staleness_max_move_bps", d.StalenessMaxMoveBps, Scalars.Positive(10_000m, "basis points > 0 and <= 10000")),
        };
        Check(r, ctx, config);
        r.Finish();
        return config;
    }

    private static void Check(MappingReader r, ReadContext ctx, DecisionMakerConfig c)
    {
        var provider = Names.Of(c.Provider);
        switch (c.Provider)
        {
            case DecisionMakerProvider.OpenAI or DecisionMakerProvider.Anthropic:
                if (c.Model is null && !r.Has("model"))
                {
                    r.Error("model", null, $"required when provider is {provider}; allowed: a model name, e.g. gpt-4o-mini or claude-sonnet-4-5");
                }

                var keyNeeded = c.Provider == DecisionMakerProvider.Anthropic || c.BaseUrl is null;
                if (keyNeeded && c.ApiKeyEnv is null && !r.Has("api_key_env"))
                {
                    r.Error("api_key_env", null,
                        $"required when provider is {provider}{(c.BaseUrl is null ? " without base_url" : "")}; allowed: {Scalars.EnvName.Allowed}");
                }

                ctx.CheckEnvironment(r, "api_key_env", c.ApiKeyEnv);
                if (r.Has("cassette"))
                {
                    r.Warning("cassette", c.Cassette, $"ignored: only the recorded provider reads a cassette (provider is {provider})");
                }

                break;
            case DecisionMakerProvider.Recorded:
                if (c.Cassette is null && !r.Has("cassette"))
                {
                    r.Error("cassette", null, "required when provider is recorded; allowed: a JSON-lines file with one {\"raw\": \"...\"} per line");
                }

                break;
            default:
                foreach (var (key, value) in new[] { ("model", c.Model), ("base_url", c.BaseUrl?.ToString()), ("api_key_env", c.ApiKeyEnv), ("cassette", c.Cassette) })
                {
                    if (value is not null && r.Has(key))
                    {
                        r.Warning(key, value, "ignored: the baseline provider calls no model");
                    }
                }

                break;
        }
    }
}
