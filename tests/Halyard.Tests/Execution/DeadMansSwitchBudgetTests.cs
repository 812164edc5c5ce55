using Halyard.Execution;
using Halyard.Execution.Reconciliation;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.Tests.Execution.Support;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Execution;

/// <summary>
/// The dead man's switch costs requests like any action: each <c>scheduleCancel</c> takes its weight from the
/// client's rate budget before it leaves, and the venue counts it against the account's address budget
/// (<c>userRateLimit.nRequestsUsed</c>), which is why a refused one is never sent again.
/// </summary>
public class DeadMansSwitchBudgetTests
{
    [Fact]
    public async Task ScheduleCancel_TakesItsWeightFromTheClientsBudget_AndIsNotSentWhenTheBudgetIsSpent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var handler = new CountingHandler();
        var budget = new WeightBudget(new WeightBudgetOptions { Capacity = 2, Mode = WeightBudgetMode.Fail }, clock);
        var http = new HyperliquidHttp(new HttpClient(handler), new HyperliquidHttpOptions { Endpoint = new Halyard.Hyperliquid.HyperliquidEndpoint(new Uri("http://127.0.0.1:1/"), isMainnet: false), Budget = budget.Options }, clock, budget);
        var client = new ExchangeClient(http, SigningIdentity.ForAccount(PaperSut.Key), new NonceGenerator(clock), new ExchangeClientOptions { IsMainnet = false });
        var action = new ScheduleCancelAction(clock.GetUtcNow().AddMinutes(10).ToUnixTimeMilliseconds());

        var first = await client.ScheduleCancelAsync(action, CancellationToken.None);
        var afterFirst = budget.Available;
        var second = await client.ScheduleCancelAsync(action, CancellationToken.None);
        var third = await client.ScheduleCancelAsync(action, CancellationToken.None);

        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        Assert.Equal(1, afterFirst);
        Assert.False(third.IsSuccess);
        Assert.Equal(Halyard.Domain.ErrorClass.RateLimited, third.Error!.Class);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task ReconcileAsync_DeadMansSwitchOn_EachRefreshCountsOneRequestOfTheAddressBudget()
    {
        using var sut = new PaperSut(new Halyard.PaperExchange.PaperExchangeOptions { ScheduleCancelMinVolumeUsd = 0m }, new OrchestratorOptions { DeadMansSwitch = TimeSpan.FromMinutes(10) });
        var before = await UsedAsync(sut);

        var first = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1), CancellationToken.None);
        var afterOne = await UsedAsync(sut);
        await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(2), CancellationToken.None);
        var afterTwo = await UsedAsync(sut);

        Assert.Equal("ok", first.DeadMansSwitch);
        Assert.Equal(1, first.Actions.Single(a => a.Action == OrderEventAction.ScheduleCancel).Attempts);
        Assert.Equal(before + 1, afterOne);
        Assert.Equal(before + 2, afterTwo);
    }

    [Fact]
    public async Task ReconcileAsync_DeadMansSwitchRefusedForVolume_CountsOnceThenIsNeverSentAgain()
    {
        using var sut = new PaperSut(options: new OrchestratorOptions { DeadMansSwitch = TimeSpan.FromMinutes(10) });
        var before = await UsedAsync(sut);

        var first = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1), CancellationToken.None);
        var afterOne = await UsedAsync(sut);
        var second = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(2), CancellationToken.None);

        Assert.StartsWith("RiskRejected", first.DeadMansSwitch, StringComparison.Ordinal);
        Assert.Equal(before + 1, afterOne);
        Assert.StartsWith("not sent: refused earlier", second.DeadMansSwitch, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Actions, a => a.Action == OrderEventAction.ScheduleCancel);
        Assert.Equal(afterOne, await UsedAsync(sut));
    }

    [Fact]
    public async Task ReconcileAsync_DeadMansSwitchOff_SpendsNothingOfTheAddressBudget()
    {
        using var sut = new PaperSut();
        var before = await UsedAsync(sut);

        var report = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1), CancellationToken.None);

        Assert.Null(report.DeadMansSwitch);
        Assert.Equal(before, await UsedAsync(sut));
    }

    private static async Task<long> UsedAsync(PaperSut sut)
    {
        var limit = await sut.Info.GetUserRateLimitAsync(sut.Account, CancellationToken.None);
        Assert.True(limit.IsSuccess, limit.Error?.Message);
        return limit.Value.RequestsUsed;
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}"),
            });
        }
    }
}
