using Halyard.Operations.Reports;
using Halyard.Operations.Web;
using Microsoft.Playwright;

namespace Halyard.Tests.Operations;

/// <summary>The dashboard of finished runs in a real browser (chromium): the arena of a known replay, the decision timeline.</summary>
public class DashboardBrowserTests(ReplayRunFixture replay) : IClassFixture<ReplayRunFixture>
{
    [Fact]
    public async Task Arena_OfAKnownReplay_ShowsEveryTraderWithItsFiguresAndOneCurveEach()
    {
        await using var server = await OperationsServer.StartAsync(new ServerOptions { Source = new FolderSource([replay.Folder]), Port = 0 }, CancellationToken.None);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(server.Url + "/");

        Assert.Equal(2, replay.Runs.Count);
        foreach (var run in replay.Runs)
        {
            var figures = ArenaFigures.Of(run);
            var row = page.Locator($"#arena tr[data-trader='{run.Label}']");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(row.Locator("td.net")).ToHaveTextAsync(figures.NetPnlUsd!.Value.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(figures.Cycles.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator($"#equity-chart polyline[data-trader='{run.Label}']")).ToHaveCountAsync(1);
        }

        Assert.Equal(120, replay.Runs.Single(r => r.TraderId == "alpha").Records.Count);
        Assert.Equal(72, replay.Runs.Single(r => r.TraderId == "beta").Records.Count);
        await Assertions.Expect(page.Locator(".badge")).ToHaveTextAsync("read-only");
        await Assertions.Expect(page.Locator("button[data-action]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "dashboard-arena.png");
    }

    [Fact]
    public async Task Timeline_ADecisionsReasoningOpens_AndTheCoinFilterKeepsOnlyThatCoin()
    {
        await using var server = await OperationsServer.StartAsync(new ServerOptions { Source = new FolderSource([replay.Folder]), Port = 0 }, CancellationToken.None);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        var alpha = replay.Runs.Single(r => r.TraderId == "alpha");
        var traded = alpha.Records.Last(r => r.Decisions.Any(d => d.IsOpenOrClose()));

        await page.GotoAsync(server.Url + "/timeline/alpha");
        var cycle = page.Locator($"details#c{traded.Cycle}");
        var reasoning = cycle.Locator("pre.reasoning");
        await Assertions.Expect(reasoning).Not.ToBeVisibleAsync();
        await cycle.Locator("summary").First.ClickAsync();

        await Assertions.Expect(reasoning).ToBeVisibleAsync();
        var decision = traded.Decisions.First(d => d.IsOpenOrClose());
        await Assertions.Expect(reasoning).ToContainTextAsync(traded.CotTrace ?? decision.Reasoning!);
        await Assertions.Expect(cycle.Locator("table.decisions")).ToContainTextAsync(decision.Symbol);
        await Browser.ScreenshotAsync(page, "dashboard-timeline.png");

        await page.SelectOptionAsync("select[name=coin]", decision.Symbol);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("coin=" + decision.Symbol, StringComparison.Ordinal));
        var shown = await page.Locator("details.cycle").CountAsync();
        Assert.True(shown > 0);
        Assert.True(shown < alpha.Records.Count);
        foreach (var summary in await page.Locator("details.cycle > summary").AllInnerTextsAsync())
        {
            Assert.Contains(decision.Symbol, summary, StringComparison.Ordinal);
        }
    }
}

internal static class DecisionRecordExtensions
{
    public static bool IsOpenOrClose(this Halyard.Journal.DecisionRecord d) =>
        d.Action is Halyard.Domain.DecisionAction.OpenLong or Halyard.Domain.DecisionAction.OpenShort
            or Halyard.Domain.DecisionAction.CloseLong or Halyard.Domain.DecisionAction.CloseShort;
}
