using Halyard.Execution;
using Halyard.Cycle.Configuration;
using Halyard.Risk;

namespace Halyard.Tests.Cycle.Configuration;

public class HalyardConfigLoaderTests
{
    [Fact]
    public void Parse_EmptyDocument_StarterTraderAndDesignGuards()
    {
        var result = ConfigTestText.Parse("");
        Assert.True(result.Succeeded, result.Describe());
        var config = result.Config;
        var trader = Assert.Single(config.Traders);
        Assert.Equal(100_000m, trader.RiskParams.MaxPositionSizeUsd);
        Assert.Equal(("t01", "Default"), (trader.Id, trader.Name));
        Assert.Equal(ExchangeProvider.Paper, config.Exchange.Provider);
        Assert.Equal(DecisionMakerProvider.Baseline, config.DecisionMaker.Provider);
        Assert.Equal(new ExecGuards(), trader.ExecGuards);
        Assert.Equal(TimeSpan.FromMinutes(15), trader.ExecGuards.CooldownAfterClose);
        Assert.Equal(TimeSpan.FromMinutes(18), trader.ExecGuards.PauseDurationOnBreach);
        Assert.Equal(15_000_000m, trader.ExecGuards.LiquidityThresholdUsd);
        Assert.Equal(4, trader.ExecGuards.MaxNewPositionsPerHour);
    }

    [Fact]
    public void Parse_DesignSnippetOnMainnet_EveryValueAsWritten()
    {
        var config = ConfigTestText.Valid(ConfigTestText.DesignTraders + "\n" + ConfigTestText.MainnetExchange);
        var t = Assert.Single(config.Traders);
        Assert.Equal(("t01", "Spotter", TimeSpan.FromMinutes(3)), (t.Id, t.Name, t.DecisionInterval));
        Assert.Equal((ExchangeProvider.Mainnet, MarketProvider.Hyperliquid, 100m), (t.ExchangeProvider, t.MarketProvider, t.AllocationPct));
        Assert.Equal((20, 10, 70, 3.0m, 3, 1500m),
            (t.RiskParams.MajorCoinLeverage, t.RiskParams.AltcoinLeverage, t.RiskParams.MinConfidence, t.RiskParams.MinRiskRewardRatio, t.RiskParams.MaxPositions, t.RiskParams.MaxPositionSizeUsd));
        var g = t.ExecGuards;
        Assert.Equal((1, TimeSpan.FromMinutes(15), 15_000_000m, 90m), (g.MaxNewPositionsPerCycle, g.CooldownAfterClose, g.LiquidityThresholdUsd, g.MaxMarginUsagePct));
        Assert.Equal((5m, 10m, 0.8m, 1.5m), (g.BtcEthPositionValueMinEquityMultiple, g.BtcEthPositionValueMaxEquityMultiple, g.AltPositionValueMinEquityMultiple, g.AltPositionValueMaxEquityMultiple));
        Assert.Equal((-0.5m, TimeSpan.FromMinutes(18)), (g.SharpePauseThreshold, g.PauseDurationOnBreach));
        Assert.Equal("HALYARD_AGENT_KEY", config.Exchange.Signer?.KeyEnv);
    }

    [Fact]
    public void Parse_DesignSnippetOnPaper_MainnetTraderRefused()
    {
        var error = ConfigTestText.SingleError(ConfigTestText.DesignTraders);
        Assert.Equal("traders[0].exchange_provider", error.Path);
        Assert.Contains("must equal exchange.provider (paper)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_ToYaml_LoadsBackWithoutIssuesToTheSameText()
    {
        var yaml = HalyardConfig.Default().ToYaml();
        var result = ConfigTestText.Parse(yaml);
        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(result.Issues);
        Assert.Equal(yaml, result.Config.ToYaml());
    }

    [Fact]
    public void Default_IsPaperBaselineOneTrader()
    {
        var config = HalyardConfig.Default();
        Assert.Equal(ExchangeProvider.Paper, config.Exchange.Provider);
        Assert.Equal(DecisionMakerProvider.Baseline, config.DecisionMaker.Provider);
        Assert.Single(config.Traders);
        Assert.Equal(10_000m, config.PaperExchange.InitialEquity);
    }

    [Fact]
    public void ToYaml_EveryOptionalSectionSet_RoundTrips()
    {
        var config = HalyardConfig.Default() with
        {
            Traders =
            [
                new TraderConfig { Id = "alpha", Name = "Alpha \"quoted\" # hash", AllocationPct = 60m, Shadow = true, ExchangeProvider = ExchangeProvider.Testnet },
                new TraderConfig
                {
                    Id = "beta",
                    ExchangeProvider = ExchangeProvider.Testnet,
                    AllocationPct = 40m,
                    DecisionInterval = TimeSpan.FromMinutes(15),
                    RiskParams = new RiskParams { MajorCoins = ["BTC", "ETH", "SOL"], LeverageOverCap = LeverageOverCapPolicy.Deny },
                    DecisionMaker = new DecisionMakerConfig { Provider = DecisionMakerProvider.Anthropic, Model = "claude-sonnet-4-5", ApiKeyEnv = "ANTHROPIC_API_KEY", Temperature = 0.3m },
                },
            ],
            DecisionMaker = new DecisionMakerConfig
            {
                Provider = DecisionMakerProvider.OpenAI,
                Model = "deepseek-chat",
                BaseUrl = new Uri("https://api.deepseek.com/v1"),
                ApiKeyEnv = "DEEPSEEK_API_KEY",
                PromptTemplate = "prompts/system.txt",
            },
            Exchange = new ExchangeConfig
            {
                Provider = ExchangeProvider.Testnet,
                AccountAddress = "0x1111111111111111111111111111111111111111",
                VaultAddress = "0x2222222222222222222222222222222222222222",
                Signer = new SignerConfig { KeyFile = "keys/agent.key" },
            },
            PaperExchange = new PaperExchangeConfig
            {
                Fund = [new PaperFund("0x3333333333333333333333333333333333333333", 2_500m)],
                DataDir = "data/custom",
                AuditLog = "audit.jsonl",
                Faults = new FaultConfig
                {
                    Seed = 7,
                    Exchange = new FaultRates { Http5xx = 0.05m, RateLimited = 0.05m, Timeout = 0.05m, ResponseLost = 0.05m, Malformed = 0.01m, Latency = TimeSpan.FromMilliseconds(20) },
                    Info = new FaultRates { Http5xx = 0.02m },
                    DownAfter = TimeSpan.FromHours(2),
                    DownFor = TimeSpan.FromMinutes(5),
                },
            },
            Execution = new ExecutionConfig { Entry = EntryMode.Gtc, DeadMansSwitch = TimeSpan.FromMinutes(10), ExternalPositions = ExternalPositionPolicy.Adopt, MarginMode = MarginMode.Isolated },
            Features = new FeatureFlags { MultiDecision = false },
            Journal = new JournalConfig { FullPrompt = true, Sqlite = false },
            Replay = new ReplayConfig { From = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero), To = new DateTimeOffset(2025, 10, 8, 12, 30, 0, TimeSpan.Zero) },
        };

        var yaml = config.ToYaml();
        var result = ConfigTestText.Parse(yaml);
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(yaml, result.Config.ToYaml());
        Assert.Equal("Alpha \"quoted\" # hash", result.Config.Traders[0].Name);
        Assert.Equal(config.PaperExchange.Faults, result.Config.PaperExchange.Faults);
        Assert.Equal(config.Execution, result.Config.Execution);
        Assert.Equal(config.Replay, result.Config.Replay);
        Assert.Equal(["BTC", "ETH", "SOL"], result.Config.Traders[1].RiskParams.MajorCoins);
    }

    [Fact]
    public void Parse_TraderDecisionMaker_ReplacesTopLevelWhole()
    {
        var config = ConfigTestText.Valid("""
            decision_maker:
              provider: openai
              model: gpt-4o-mini
              api_key_env: OPENAI_API_KEY
              timeout: 90s
            traders:
              - id: a
                allocation_pct: 50
              - id: b
                allocation_pct: 50
                decision_maker:
                  provider: anthropic
                  model: claude-sonnet-4-5
                  api_key_env: ANTHROPIC_API_KEY
            """);
        Assert.Same(config.DecisionMaker, config.DecisionMakerFor(config.Traders[0]));
        var own = config.DecisionMakerFor(config.Traders[1]);
        Assert.Equal((DecisionMakerProvider.Anthropic, "claude-sonnet-4-5", "ANTHROPIC_API_KEY"), (own.Provider, own.Model, own.ApiKeyEnv));
        Assert.Equal(new DecisionMakerConfig().Timeout, own.Timeout);
    }

    [Fact]
    public void Parse_AllFeatures_DefaultOn()
    {
        var flags = ConfigTestText.Valid("").Features;
        Assert.Equal(new FeatureFlags(), flags);
        Assert.Equal(GuardSwitches.AllOn, flags.Guards);
        Assert.True(flags.MultiDecision && flags.SltpOrchestration && flags.IdempotentRetries && flags.Guards.Gating);
    }

    [Fact]
    public void Parse_GuardSwitchedOff_FlagOffAndWarned()
    {
        var result = ConfigTestText.Parse("features:\n  cooldown: false\n");
        Assert.True(result.Succeeded);
        Assert.False(result.Config.Features.Guards.Cooldown);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("features.cooldown", warning.Path);
    }

    [Fact]
    public void Parse_UnderscoreDigitGroups_Accepted() =>
        Assert.Equal(25_000_000m, ConfigTestText.Valid("traders:\n  - id: a\n    exec_guards:\n      liquidity_threshold_usd: 25_000_000\n").Traders[0].ExecGuards.LiquidityThresholdUsd);

    [Fact]
    public void Parse_DeadMansSwitch_OffOrDuration()
    {
        Assert.Null(ConfigTestText.Valid("execution:\n  dead_mans_switch: off\n").Execution.DeadMansSwitch);
        Assert.Equal(TimeSpan.FromMinutes(10), ConfigTestText.Valid("execution:\n  dead_mans_switch: 10m\n").Execution.DeadMansSwitch);
    }

    [Fact]
    public void Parse_ReplayWindow_DatesAndTimesInUtc()
    {
        var replay = ConfigTestText.Valid("replay:\n  from: 2025-10-01\n  to: 2025-10-02T06:30:00Z\n  out: runs/x\n").Replay;
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero), replay.From);
        Assert.Equal(new DateTimeOffset(2025, 10, 2, 6, 30, 0, TimeSpan.Zero), replay.To);
        Assert.Equal("runs/x", replay.Out);
    }

    [Fact]
    public void Parse_FaultsPerEndpoint_ExchangeAndInfoRates()
    {
        var faults = ConfigTestText.Valid("""
            paper_exchange:
              faults:
                seed: 42
                http_5xx: 0.05
                response_lost: 0.05
                latency: 15ms
                down_after: 1h
                down_for: 10m
                info:
                  timeout: 0.1
            """).PaperExchange.Faults;
        Assert.Equal(42, faults.Seed);
        Assert.Equal((0.05m, 0.05m, TimeSpan.FromMilliseconds(15)), (faults.Exchange.Http5xx, faults.Exchange.ResponseLost, faults.Exchange.Latency));
        Assert.Equal((0.1m, 0m), (faults.Info.Timeout, faults.Info.Http5xx));
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)), (faults.DownAfter, faults.DownFor));
        Assert.True(faults.Any);
    }

    [Fact]
    public void Parse_SocketFaults_ReachThePaperExchangesOptions()
    {
        var config = ConfigTestText.Valid("""
            paper_exchange:
              faults:
                seed: 7
                socket:
                  drop: 0.1
                  disconnect: 0.02
                  silence: 0.01
                  delay: 250ms
            """);
        var socket = config.PaperExchange.Faults.Socket;
        Assert.Equal((0.1m, 0.02m, 0.01m, TimeSpan.FromMilliseconds(250)), (socket.Drop, socket.Disconnect, socket.Silence, socket.Delay));
        Assert.True(config.PaperExchange.Faults.Any);

        var options = config.PaperExchange.ToOptions("0x" + new string('a', 40)).Faults;
        Assert.Equal(new Halyard.PaperExchange.Streaming.SocketFaultOptions(0.1, 0.02, 0.01, TimeSpan.FromMilliseconds(250)), options.Socket);
        Assert.Equal(7, options.Seed);
        Assert.False(HalyardConfig.Default().PaperExchange.Faults.Socket.Any);
    }
}
