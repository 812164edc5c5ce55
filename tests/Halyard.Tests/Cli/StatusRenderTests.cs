using Halyard.Cli.Commands;
using Halyard.Operations.Control;

namespace Halyard.Tests.Cli;

public class StatusRenderTests
{
    [Fact]
    public void Render_ShadowTrader_ShowsItsPaperAccountBesideTheLiveAccountValue()
    {
        var at = new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
        var report = new StatusReport(at, "testnet", "/tmp/journal", 12_345m, null,
        [
            new TraderStatus { Id = "live", Name = "live", Running = true, Paused = false, Cycle = 3, Gating = "open", Equity = 6_000m },
            new TraderStatus
            {
                Id = "paper", Name = "paper", Running = true, Paused = false, Cycle = 3, Gating = "shadow", Equity = 10_250m,
                Shadow = new ShadowStatus("0xabc", 10_000m, 10_250m, 250m, 4, 75m),
            },
        ]);

        var text = ControlCommands.Render(report);

        Assert.Contains("shadow paper account 0xabc: equity 10,000.00 → 10250, net PnL 250, 4 closed trade(s), win rate 75 % (live account value 12,345.00)", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Split("shadow paper account").Length - 1);
    }
}
