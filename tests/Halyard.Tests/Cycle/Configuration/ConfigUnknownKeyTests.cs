using Halyard.Cycle.Configuration;

namespace Halyard.Tests.Cycle.Configuration;

public class ConfigUnknownKeyTests
{
    [Fact]
    public void Parse_TypoInCooldownGuard_ErrorNotSilentDefault()
    {
        // With the typo ignored, cooldown_after_close would silently stay at its default; here it must fail.
        var result = ConfigTestText.Parse("""
            traders:
              - id: t01
                exec_guards:
                  cooldown_after_clsoe: 0s
            """);
        Assert.False(result.Succeeded);
        Assert.Null(result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Equal("traders[0].exec_guards.cooldown_after_clsoe", error.Path);
        Assert.Contains("unknown key; did you mean 'cooldown_after_close'?", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Parse_TypoInGuardSwitch_ErrorAndGuardNotDisabled()
    {
        // "cooldwon: false" must neither be ignored nor switch the cooldown guard off.
        var error = ConfigTestText.SingleError("features:\n  cooldwon: false\n");
        Assert.Equal("features.cooldwon", error.Path);
        Assert.Contains("did you mean 'cooldown'?", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> UnknownKeys => new()
    {
        { "bogus: 1", "bogus" },
        { "traders:\n  - id: a\n    bogus: 1", "traders[0].bogus" },
        { "traders:\n  - id: a\n    risk_params:\n      bogus: 1", "traders[0].risk_params.bogus" },
        { "traders:\n  - id: a\n    exec_guards:\n      bogus: 1", "traders[0].exec_guards.bogus" },
        { "traders:\n  - id: a\n    decision_maker:\n      bogus: 1", "traders[0].decision_maker.bogus" },
        { "decision_maker:\n  bogus: 1", "decision_maker.bogus" },
        { "features:\n  bogus: true", "features.bogus" },
        { "exchange:\n  bogus: 1", "exchange.bogus" },
        { "exchange:\n  signer:\n    key_env: K\n    bogus: 1", "exchange.signer.bogus" },
        { "paper_exchange:\n  bogus: 1", "paper_exchange.bogus" },
        { "paper_exchange:\n  fund:\n    - address: 0x1111111111111111111111111111111111111111\n      bogus: 1", "paper_exchange.fund[0].bogus" },
        { "paper_exchange:\n  fees:\n    bogus: 1", "paper_exchange.fees.bogus" },
        { "paper_exchange:\n  faults:\n    bogus: 1", "paper_exchange.faults.bogus" },
        { "paper_exchange:\n  faults:\n    info:\n      bogus: 1", "paper_exchange.faults.info.bogus" },
        { "execution:\n  bogus: 1", "execution.bogus" },
        { "journal:\n  bogus: 1", "journal.bogus" },
        { "replay:\n  bogus: 1", "replay.bogus" },
    };

    [Theory]
    [MemberData(nameof(UnknownKeys))]
    public void Parse_UnknownKeyInAnySection_ErrorWithPath(string yaml, string path)
    {
        var error = ConfigTestText.SingleError(yaml);
        Assert.Equal(path, error.Path);
        Assert.StartsWith("unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKeyFarFromAnyKnown_ListsAllowedKeysWithoutGuess()
    {
        var error = ConfigTestText.SingleError("journal:\n  zzzzzzzz: 1\n");
        Assert.Equal("unknown key; allowed keys here: dir, sqlite, full_prompt", error.Message);
    }

    [Fact]
    public void Parse_DuplicateKey_Error()
    {
        var result = ConfigTestText.Parse("journal:\n  dir: a\n  dir: b\n");
        Assert.False(result.Succeeded);
        Assert.Contains("key", Assert.Single(result.Errors).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_SeveralProblems_AllReportedInLineOrder()
    {
        var result = ConfigTestText.Parse("""
            traders:
              - id: a
                decision_interval: 3 minutes
                risk_params:
                  min_confidence: 101
            execution:
              entry: market
            journal:
              sqlite: yes
            """);
        Assert.Equal(
            ["traders[0].decision_interval", "traders[0].risk_params.min_confidence", "execution.entry", "journal.sqlite"],
            result.Errors.Select(e => e.Path));
        Assert.Equal([3, 5, 7, 9], result.Errors.Select(e => e.Line ?? 0));
    }

    [Fact]
    public void Parse_NotYaml_ErrorWithPosition()
    {
        var error = ConfigTestText.SingleError("traders: [\n  - id: a\n");
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Parse_TwoDocuments_Error() =>
        Assert.Contains("one YAML document", ConfigTestText.SingleError("journal:\n  dir: a\n---\njournal:\n  dir: b\n").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("just text")]
    public void Parse_RootNotAMapping_Error(string yaml) =>
        Assert.Contains("expected a mapping", ConfigTestText.SingleError(yaml).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_SectionIsAList_Error()
    {
        var error = ConfigTestText.SingleError("execution:\n  - entry: ioc\n");
        Assert.Equal("execution", error.Path);
        Assert.Contains("expected a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigIssue_ToString_NamesPathValueAndAllowed()
    {
        var error = ConfigTestText.SingleError("traders:\n  - id: a\n    allocation_pct: 120\n");
        Assert.Equal("error: traders[0].allocation_pct = '120': allowed: a percentage > 0 and <= 100 (line 3, column 21)", error.ToString());
    }
}
