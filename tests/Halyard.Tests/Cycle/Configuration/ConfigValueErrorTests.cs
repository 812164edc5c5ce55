using Halyard.Cycle.Configuration;

namespace Halyard.Tests.Cycle.Configuration;

public class ConfigValueErrorTests
{
    private static string Trader(string section, string line) => $"traders:\n  - id: a\n    {section}:\n      {line}\n";

    public static TheoryData<string, string, string, string> BadValues => new()
    {
        // yaml, path, shown value, fragment of what is allowed
        { Trader("exec_guards", "cooldown_after_close: 15"), "traders[0].exec_guards.cooldown_after_close", "15", "a duration such as" },
        { Trader("exec_guards", "cooldown_after_close: 15 min"), "traders[0].exec_guards.cooldown_after_close", "15 min", "units h, m, s, ms" },
        { Trader("exec_guards", "max_margin_usage_pct: 0"), "traders[0].exec_guards.max_margin_usage_pct", "0", "> 0 and <= 100" },
        { Trader("exec_guards", "max_margin_usage_pct: 100.01"), "traders[0].exec_guards.max_margin_usage_pct", "100.01", "> 0 and <= 100" },
        { Trader("exec_guards", "liquidity_threshold_usd: 15,000,000"), "traders[0].exec_guards.liquidity_threshold_usd", "15,000,000", "a USD amount >= 0" },
        { Trader("exec_guards", "liquidity_threshold_usd: -1"), "traders[0].exec_guards.liquidity_threshold_usd", "-1", "a USD amount >= 0" },
        { Trader("exec_guards", "max_new_positions_per_cycle: 1.5"), "traders[0].exec_guards.max_new_positions_per_cycle", "1.5", "an integer from 0 to 100" },
        { Trader("exec_guards", "max_new_positions_per_hour: -1"), "traders[0].exec_guards.max_new_positions_per_hour", "-1", "an integer from 0 to 1000" },
        { Trader("exec_guards", "min_order_value_usd: 9.99"), "traders[0].exec_guards.min_order_value_usd", "9.99", ">= 10" },
        { Trader("exec_guards", "alt_position_value_min_equity_multiple: 0"), "traders[0].exec_guards.alt_position_value_min_equity_multiple", "0", "> 0" },
        { Trader("exec_guards", "gated_confidence_boost: 101"), "traders[0].exec_guards.gated_confidence_boost", "101", "from 0 to 100" },
        { Trader("risk_params", "major_coin_leverage: 0"), "traders[0].risk_params.major_coin_leverage", "0", "an integer from 1 to 100" },
        { Trader("risk_params", "altcoin_leverage: ten"), "traders[0].risk_params.altcoin_leverage", "ten", "an integer from 1 to 100" },
        { Trader("risk_params", "leverage_over_cap: cap"), "traders[0].risk_params.leverage_over_cap", "cap", "one of: clamp | deny" },
        { Trader("risk_params", "min_confidence: -1"), "traders[0].risk_params.min_confidence", "-1", "from 0 to 100" },
        { Trader("risk_params", "min_risk_reward_ratio: 0"), "traders[0].risk_params.min_risk_reward_ratio", "0", "> 0" },
        { Trader("risk_params", "max_positions: 0"), "traders[0].risk_params.max_positions", "0", "from 1 to 100" },
        { Trader("risk_params", "max_position_size_usd: 0"), "traders[0].risk_params.max_position_size_usd", "0", "> 0" },
        { Trader("risk_params", "major_coins: [BTC, \"E-TH\"]"), "traders[0].risk_params.major_coins[1]", "E-TH", "a coin name" },
        { "traders:\n  - id: A!\n", "traders[0].id", "A!", "lowercase letters" },
        { "traders:\n  - id: a\n    decision_interval: 30s\n", "traders[0].decision_interval", "30s", "from 1m to 24h" },
        { "traders:\n  - id: a\n    allocation_pct: 0\n", "traders[0].allocation_pct", "0", "> 0 and <= 100" },
        { "traders:\n  - id: a\n    shadow: yes\n", "traders[0].shadow", "yes", "true or false" },
        { "traders:\n  - id: a\n    market_provider: binance\n", "traders[0].market_provider", "binance", "one of: hyperliquid" },
        { "decision_maker:\n  provider: gpt\n", "decision_maker.provider", "gpt", "baseline | openai | anthropic | recorded" },
        { "decision_maker:\n  timeout: 0s\n", "decision_maker.timeout", "0s", "from 1s to 1h" },
        { "decision_maker:\n  temperature: 2.5\n", "decision_maker.temperature", "2.5", "from 0 to 2" },
        { "decision_maker:\n  max_output_tokens: 0\n", "decision_maker.max_output_tokens", "0", "from 1 to 1000000" },
        { "decision_maker:\n  base_url: api.openai.com\n", "decision_maker.base_url", "api.openai.com", "http:// or https://" },
        { "decision_maker:\n  structured_output: yes\n", "decision_maker.structured_output", "yes", "auto | on | off" },
        { "exchange:\n  provider: binance\n", "exchange.provider", "binance", "paper | testnet | mainnet" },
        { "exchange:\n  account_address: 0x123\n", "exchange.account_address", "0x123", "40 hex digits" },
        { "paper_exchange:\n  initial_equity: 0\n", "paper_exchange.initial_equity", "0", "> 0" },
        { "paper_exchange:\n  fees:\n    taker_bps: -1\n", "paper_exchange.fees.taker_bps", "-1", "from 0 to 100" },
        { "paper_exchange:\n  faults:\n    http_5xx: 5%\n", "paper_exchange.faults.http_5xx", "5%", "a probability from 0 to 1" },
        { "paper_exchange:\n  faults:\n    timeout: 1.01\n", "paper_exchange.faults.timeout", "1.01", "a probability from 0 to 1" },
        { "paper_exchange:\n  faults:\n    http_5xx: 0.6\n    timeout: 0.5\n", "paper_exchange.faults", "1.1", "a sum <= 1" },
        { "paper_exchange:\n  faults:\n    info:\n      malformed: 2\n", "paper_exchange.faults.info.malformed", "2", "a probability" },
        { "paper_exchange:\n  faults:\n    socket:\n      drop: 1.5\n", "paper_exchange.faults.socket.drop", "1.5", "a probability" },
        { "paper_exchange:\n  faults:\n    socket:\n      drop: 0.6\n      silence: 0.5\n", "paper_exchange.faults.socket", "1.1", "a sum <= 1" },
        { "paper_exchange:\n  faults:\n    seed: -1\n", "paper_exchange.faults.seed", "-1", "an integer >= 0" },
        { "execution:\n  entry: market\n", "execution.entry", "market", "ioc | gtc" },
        { "execution:\n  slippage_bps: 0\n", "execution.slippage_bps", "0", "> 0 and <= 1000" },
        { "execution:\n  dead_mans_switch: 3s\n", "execution.dead_mans_switch", "3s", "off, or a duration from 5s" },
        { "execution:\n  external_positions: ignore\n", "execution.external_positions", "ignore", "leave | adopt" },
        { "execution:\n  max_attempts: 0\n", "execution.max_attempts", "0", "from 1 to 10" },
        { "journal:\n  full_prompt: 1\n", "journal.full_prompt", "1", "true or false" },
        { "replay:\n  from: 01/10/2025\n", "replay.from", "01/10/2025", "a UTC date" },
        { "replay:\n  from: 2025-10-02\n  to: 2025-10-01\n", "replay.to", "2025-10-01", "must be after replay.from" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Parse_BadValue_ErrorNamesPathValueAndAllowed(string yaml, string path, string value, string allowed)
    {
        var error = ConfigTestText.SingleError(yaml);
        Assert.Equal((path, value), (error.Path, error.Value));
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigSeverity.Error, error.Severity);
    }

    [Theory]
    [InlineData("max_margin_usage_pct: 100")]
    [InlineData("max_margin_usage_pct: 0.01")]
    [InlineData("min_order_value_usd: 10")]
    [InlineData("max_new_positions_per_cycle: 0")]
    [InlineData("cooldown_after_close: 0s")]
    [InlineData("liquidity_threshold_usd: 0")]
    public void Parse_GuardAtRangeLimit_Accepted(string line) => ConfigTestText.Valid(Trader("exec_guards", line));

    [Fact]
    public void Parse_ExplicitNullForValueWithDefault_Error()
    {
        var error = ConfigTestText.SingleError(Trader("exec_guards", "cooldown_after_close:"));
        Assert.Equal("traders[0].exec_guards.cooldown_after_close", error.Path);
        Assert.Contains("a value is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValueIsAMappingWhereScalarExpected_Error()
    {
        var error = ConfigTestText.SingleError(Trader("risk_params", "max_positions: { a: 1 }"));
        Assert.Equal(("traders[0].risk_params.max_positions", "(a mapping)"), (error.Path, error.Value));
    }

    [Fact]
    public void Parse_BandMinAboveMax_Error()
    {
        var error = ConfigTestText.SingleError("traders:\n  - id: a\n    exec_guards:\n      alt_position_value_min_equity_multiple: 2\n");
        Assert.Equal("traders[0].exec_guards.alt_position_value_min_equity_multiple", error.Path);
        Assert.Contains("must not exceed alt_position_value_max_equity_multiple (1.5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TraderWithoutId_Error() =>
        Assert.Equal("traders[0].id", ConfigTestText.SingleError("traders:\n  - name: nobody\n").Path);

    [Fact]
    public void Parse_EmptyTraderItem_ErrorNotADefaultTrader() =>
        Assert.Equal("traders[0].id", ConfigTestText.SingleError("traders:\n  -\n").Path);

    [Fact]
    public void Parse_TraderItemNotAMapping_Error()
    {
        var error = ConfigTestText.SingleError("traders:\n  - t01\n");
        Assert.Equal(("traders[0]", "t01"), (error.Path, error.Value));
    }

    [Fact]
    public void Parse_EmptyTraderList_Error() =>
        Assert.Equal("traders", ConfigTestText.SingleError("traders: []\n").Path);

    [Theory]
    [InlineData("provider: openai\n  api_key_env: OPENAI_API_KEY", "decision_maker.model")]
    [InlineData("provider: anthropic\n  model: claude-sonnet-4-5", "decision_maker.api_key_env")]
    [InlineData("provider: openai\n  model: gpt-4o", "decision_maker.api_key_env")]
    [InlineData("provider: recorded", "decision_maker.cassette")]
    public void Parse_ProviderWithoutWhatItNeeds_Error(string lines, string path) =>
        Assert.Equal(path, ConfigTestText.SingleError($"decision_maker:\n  {lines}\n").Path);

    [Fact]
    public void Parse_OpenAiCompatibleLocalEndpoint_NoKeyNeeded()
    {
        var decisionMaker = ConfigTestText.Valid("decision_maker:\n  provider: openai\n  model: qwen2.5\n  base_url: http://127.0.0.1:11434/v1\n").DecisionMaker;
        Assert.Null(decisionMaker.ApiKeyEnv);
        Assert.Equal(new Uri("http://127.0.0.1:11434/v1"), decisionMaker.BaseUrl);
    }

    [Theory]
    [InlineData("executor:\n  provider: recorded\n  cassette: c.jsonl\n", "executor")]
    [InlineData("traders:\n  - id: a\n    executor:\n      provider: recorded\n      cassette: c.jsonl\n", "traders[0].executor")]
    public void Parse_FormerExecutorKey_ReadsAsDecisionMakerWithADeprecationWarning(string yaml, string path)
    {
        var result = ConfigTestText.Parse(yaml);

        Assert.True(result.Succeeded);
        var config = result.Config!;
        Assert.Equal(DecisionMakerProvider.Recorded, config.DecisionMakerFor(config.Traders[0]).Provider);
        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("deprecated", StringComparison.Ordinal));
        Assert.Equal(path, warning.Path);
        Assert.Contains("rename it to 'decision_maker'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FormerAndCurrentDecisionMakerKeys_Error() =>
        Assert.Equal("executor", ConfigTestText.SingleError("executor:\n  provider: baseline\ndecision_maker:\n  provider: baseline\n").Path);

    [Fact]
    public void Parse_BaselineWithModel_WarnsIgnored()
    {
        var result = ConfigTestText.Parse("decision_maker:\n  provider: baseline\n  model: gpt-4o\n");
        Assert.True(result.Succeeded);
        Assert.Equal("decision_maker.model", Assert.Single(result.Warnings).Path);
    }

    [Theory]
    [InlineData("provider: testnet", "exchange.account_address", "exchange.signer")]
    [InlineData("provider: mainnet\n  account_address: 0x1111111111111111111111111111111111111111", "exchange.signer", null)]
    public void Parse_LiveExchangeWithoutAccountOrSigner_Error(string lines, string path, string? second)
    {
        var result = ConfigTestText.Parse($"exchange:\n  {lines}\ntraders:\n  - id: a\n    exchange_provider: {(lines.Contains("testnet", StringComparison.Ordinal) ? "testnet" : "mainnet")}\n");
        Assert.Equal(second is null ? [path] : [path, second], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_SignerWithBothEnvAndFile_Error() =>
        Assert.Equal("exchange.signer.key_file",
            ConfigTestText.SingleError("exchange:\n  signer:\n    key_env: K\n    key_file: k.key\n").Path);

    [Fact]
    public void Parse_SignerWithNeither_Error() =>
        Assert.Equal("exchange.signer.key_env", ConfigTestText.SingleError("exchange:\n  signer: {}\n").Path);

    [Fact]
    public void Parse_FundedTwice_Error()
    {
        var error = ConfigTestText.SingleError("""
            paper_exchange:
              fund:
                - { address: 0x1111111111111111111111111111111111111111, equity: 100 }
                - { address: 0x1111111111111111111111111111111111111111, equity: 200 }
            """);
        Assert.Equal("paper_exchange.fund[1].address", error.Path);
    }
}
