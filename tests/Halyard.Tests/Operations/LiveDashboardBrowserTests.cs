using Microsoft.Playwright;

namespace Halyard.Tests.Operations;

/// <summary>The live dashboard of a real run on the paper exchange, in chromium: pause and flatten act, and the page shows it.</summary>
[Collection(LiveRunCollection.Name)]
public class LiveDashboardBrowserTests(LiveRunFixture run)
{
    [Fact]
    public async Task PauseThenFlatten_FromThePage_ActOnTheRunAndThePageReflectsIt()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var trader = run.Operations.Control!.Find("t01")!;
        trader.State.OperatorPaused = false;

        await page.GotoAsync(run.Url + "/?token=" + run.Token);
        var row = page.Locator("#traders tr[data-trader='t01']");
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("running");
        await Browser.ScreenshotAsync(page, "dashboard-live.png");

        await row.Locator("button", new LocatorLocatorOptions { HasText = "pause" }).ClickAsync();
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("paused");
        await Assertions.Expect(row.Locator("td.gating")).ToHaveTextAsync("paused by operator");
        Assert.True(trader.State.OperatorPaused);

        await row.Locator("button", new LocatorLocatorOptions { HasText = "flatten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Done: flatten t01", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("verified flat");
        await Assertions.Expect(page.Locator("#positions tbody tr")).ToHaveCountAsync(0);
        Assert.Contains(Halyard.Operations.Control.ControlJournal.Read(run.Folder), e => e is { Action: "flatten", Target: "t01", Who: "dashboard", Ok: true });

        await page.Locator("#traders tr[data-trader='t01'] button", new PageLocatorOptions { HasText = "resume" }).ClickAsync();
        await Assertions.Expect(page.Locator("#traders tr[data-trader='t01'] td.state")).ToHaveTextAsync("running");
    }
}
