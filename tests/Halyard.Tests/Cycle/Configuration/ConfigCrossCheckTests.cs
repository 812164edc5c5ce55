using Halyard.Cycle.Configuration;

namespace Halyard.Tests.Cycle.Configuration;

public class ConfigCrossCheckTests
{
    [Theory]
    [InlineData("60", "40", true)]
    [InlineData("60", "39.99", true)]
    [InlineData("60", "40.01", false)]
    public void Parse_AllocationSum_AtMostHundred(string a, string b, bool ok)
    {
        var result = ConfigTestText.Parse($"traders:\n  - id: a\n    allocation_pct: {a}\n  - id: b\n    allocation_pct: {b}\n");
        Assert.Equal(ok, result.Succeeded);
        if (!ok)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(("traders", "100.01"), (error.Path, error.Value));
        }
    }

    [Fact]
    public void Parse_DuplicateTraderIds_Error()
    {
        var error = ConfigTestText.SingleError("traders:\n  - id: a\n    allocation_pct: 50\n  - id: a\n    allocation_pct: 50\n");
        Assert.Equal("traders[1].id", error.Path);
        Assert.Contains("also traders[0].id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DesignDefaultsOnTenThousandDollarPaperAccount_BandContradictionsWarned()
    {
        // The design's max_position_size_usd (1,500) is below 5 x 10,000 (BTC/ETH) and 0.8 x 10,000 (alts).
        var result = ConfigTestText.Parse("traders:\n  - id: a\n");
        Assert.True(result.Succeeded);
        Assert.Equal(
            ["traders[0].exec_guards.btceth_position_value_min_equity_multiple", "traders[0].exec_guards.alt_position_value_min_equity_multiple"],
            result.Warnings.Select(w => w.Path));
        Assert.Contains("5 x equity 10000 = 50000 exceeds risk_params.max_position_size_usd 1500", result.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BandContradiction_EquityIsFundingTimesAllocation()
    {
        // 1,000 funded x 50 % = 500 of equity: the BTC/ETH minimum (2,500) exceeds 1,500, the alt minimum (400) does not.
        var result = ConfigTestText.Parse("paper_exchange:\n  initial_equity: 1000\ntraders:\n  - id: a\n    allocation_pct: 50\n");
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("traders[0].exec_guards.btceth_position_value_min_equity_multiple", warning.Path);
        Assert.Contains("5 x equity 500 = 2500", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2500", true)]
    [InlineData("2499.99", false)]
    public void Parse_BandMinAtMaxSize_NoWarningAtTheLimit(string maxSize, bool quiet)
    {
        var result = ConfigTestText.Parse($"paper_exchange:\n  initial_equity: 500\ntraders:\n  - id: a\n    risk_params:\n      max_position_size_usd: {maxSize}\n");
        Assert.Equal(quiet, result.Warnings.Count == 0);
    }

    [Fact]
    public void Parse_NotPaper_NoEquityBasedWarnings()
    {
        var result = ConfigTestText.Parse(ConfigTestText.DesignTraders + "\n" + ConfigTestText.MainnetExchange);
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData(2, "90", true)]   // BTC/ETH: 5 / 2 = 250 % of equity as margin
    [InlineData(10, "50", false)] // 5 / 10 = 50 %: exactly the cap, allowed
    [InlineData(10, "49.99", true)]
    public void Parse_BandMinNeedsMoreMarginThanCap_Warned(int leverage, string marginPct, bool warned)
    {
        var result = ConfigTestText.Parse($"""
            traders:
              - id: a
                risk_params:
                  major_coin_leverage: {leverage}
                  max_position_size_usd: 1000000
                exec_guards:
                  max_margin_usage_pct: {marginPct}
            """);
        Assert.Equal(warned, result.Warnings.Any(w => w.Path == "traders[0].exec_guards.btceth_position_value_min_equity_multiple"));
    }

    [Fact]
    public void Parse_GatedBoostPushesConfidenceAbove100_Warned()
    {
        var result = ConfigTestText.Parse("traders:\n  - id: a\n    risk_params:\n      min_confidence: 95\n      max_position_size_usd: 1000000\n");
        Assert.Equal("traders[0].exec_guards.gated_confidence_boost", Assert.Single(result.Warnings).Path);
    }

    [Fact]
    public void Parse_TimeoutNotShorterThanInterval_Warned()
    {
        var result = ConfigTestText.Parse("""
            decision_maker:
              provider: openai
              model: gpt-4o
              base_url: http://127.0.0.1:8000/v1
              timeout: 5m
            traders:
              - id: a
                decision_interval: 3m
                risk_params:
                  max_position_size_usd: 1000000
            """);
        Assert.Equal("traders[0].decision_interval", Assert.Single(result.Warnings).Path);
    }

    [Theory]
    [InlineData("3m", "between cycles")]
    [InlineData("3m1s", "triggers included")]
    public void Parse_DeadMansSwitch_WarnedThatItCancelsTheStopsToo(string window, string said)
    {
        var result = ConfigTestText.Parse($"execution:\n  dead_mans_switch: {window}\ntraders:\n  - id: a\n    risk_params:\n      max_position_size_usd: 1000000\n");
        Assert.Contains(said, Assert.Single(result.Warnings, w => w.Path == "execution.dead_mans_switch").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Parse_AdoptWithSeveralTradersOnOneAccount_Refused(int traders, bool refused)
    {
        var list = string.Concat(Enumerable.Range(0, traders).Select(i => $"  - id: t{i}\n    allocation_pct: 40\n"));
        var result = ConfigTestText.Parse("execution:\n  external_positions: adopt\ntraders:\n" + list);
        Assert.Equal(refused, result.Errors.Any(e => e.Path == "execution.external_positions"));
    }

    [Fact]
    public void Parse_AdoptWithOneLiveTraderAndAShadowTrader_Accepted()
    {
        // A shadow trader trades its own paper account: it shares nothing on the live account to adopt by mistake.
        var result = ConfigTestText.Parse("execution:\n  external_positions: adopt\ntraders:\n  - id: live\n    allocation_pct: 40\n  - id: paper\n    allocation_pct: 40\n    shadow: true\n    shadow_equity: 5000\n");
        Assert.DoesNotContain(result.Errors, e => e.Path == "execution.external_positions");
        Assert.Equal(5000m, result.Config!.Traders[1].ShadowEquity);
    }

    [Fact]
    public void Parse_SlTpOrchestrationOff_WarnedAboutUnprotectedPositions()
    {
        var result = ConfigTestText.Parse("features:\n  sltp_orchestration: false\n");
        Assert.Contains("no stop-loss", Assert.Single(result.Warnings, w => w.Path == "features.sltp_orchestration").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OutageWithoutDuration_Warned() =>
        Assert.Contains(ConfigTestText.Parse("paper_exchange:\n  faults:\n    down_after: 1h\n").Warnings, w => w.Path == "paper_exchange.faults.down_for");
}
