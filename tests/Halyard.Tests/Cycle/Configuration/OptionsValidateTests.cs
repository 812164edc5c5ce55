using Halyard.Cycle.Configuration;
using Halyard.Cycle.Configuration.Loading;
using Halyard.MarketData;

namespace Halyard.Tests.Cycle.Configuration;

/// <summary>Every options record read from YAML validates itself in one shape: <c>key = value: allowed …</c>.</summary>
public class OptionsValidateTests
{
    [Fact]
    public void Validate_StarterConfiguration_HasNoProblems() =>
        Assert.Empty(HalyardConfig.Default().Validate());

    [Fact]
    public void Validate_ExecutionOutOfRange_NamesEveryKey()
    {
        var problems = new ExecutionConfig { SlippageBps = 0m, MaxAttempts = 0, GtcTimeout = TimeSpan.Zero, DeadMansSwitch = TimeSpan.FromSeconds(1), ClosedAfterMissingReads = 0 }.Validate();

        Assert.Equal(["slippage_bps", "gtc_timeout", "dead_mans_switch", "max_attempts", "closed_after_missing_reads"], problems.Select(Key));
        Assert.Contains("slippage_bps = 0: allowed 0 < bps <= 1000", problems);
    }

    [Fact]
    public void Validate_MarketDataIntervalNotDividingAnHour_IsAProblem() =>
        Assert.Equal(["intraday_interval", "max_candidates"], new MarketDataConfig { IntradayInterval = CandleInterval.TwoHours, MaxCandidates = 0 }.Validate().Select(Key));

    [Fact]
    public void Validate_DecisionMakerWithoutWhatItsProviderNeeds_IsAProblem()
    {
        Assert.Equal(["model", "temperature"], new DecisionMakerConfig { Provider = DecisionMakerProvider.OpenAI, Temperature = 3m }.Validate().Select(Key));
        Assert.Equal(["cassette"], new DecisionMakerConfig { Provider = DecisionMakerProvider.Recorded }.Validate().Select(Key));
        Assert.Equal(["timeout", "max_output_tokens"], new DecisionMakerConfig { Timeout = TimeSpan.Zero, MaxOutputTokens = 0 }.Validate().Select(Key));
    }

    [Fact]
    public void Validate_ExchangeSignerRules_AreProblems()
    {
        Assert.Equal(["signer"], new ExchangeConfig { Provider = ExchangeProvider.Testnet }.Validate().Select(Key));
        Assert.Equal(["signer"], new ExchangeConfig { Signer = new SignerConfig { KeyEnv = "A", KeyFile = "b" } }.Validate().Select(Key));
    }

    [Fact]
    public void Validate_JournalReplayAndControl_AreChecked()
    {
        Assert.Equal(["dir"], new JournalConfig { Dir = " " }.Validate().Select(Key));
        var at = new DateTimeOffset(2025, 7, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(["from"], new ReplayConfig { From = at, To = at }.Validate().Select(Key));
        Assert.Equal(["port"], new ControlConfig { Port = 70000 }.Validate().Select(Key));
    }

    [Fact]
    public void Validate_PaperExchange_ChecksItsEquityAndTheEnginesOptions()
    {
        Assert.Equal(["initial_equity = -1: allowed >= 0"], new PaperExchangeConfig { InitialEquity = -1m }.Validate());
        Assert.NotEmpty(new PaperExchangeConfig { Fees = new PaperFees { TakerBps = -1m } }.Validate());
    }

    [Fact]
    public void Validate_HalyardConfig_NamesTheSectionOfEachProblem()
    {
        var config = HalyardConfig.Default() with
        {
            Execution = new ExecutionConfig { MaxAttempts = 0 },
            Control = new ControlConfig { Port = 0 },
        };

        Assert.Equal([("execution", "max_attempts"), ("operations.control", "port")], config.Validate().Select(p => (p.Section, Key(p.Problem))));
    }

    [Fact]
    public void LoaderChecks_ReportEachRecordsProblemsUnderItsSection()
    {
        var diag = new ConfigDiagnostics();
        var config = HalyardConfig.Default() with { Replay = new ReplayConfig { Out = "" }, Control = new ControlConfig { Port = 0 } };

        CrossChecks.Run(config, null, diag);

        Assert.Equal([("replay", "out = : allowed a folder"), ("operations.control", "port = 0: allowed 1..65535")], diag.Issues.Select(i => (i.Path, i.Message)));
    }

    private static string Key(string problem) => problem[..problem.IndexOf(" = ", StringComparison.Ordinal)];
}
