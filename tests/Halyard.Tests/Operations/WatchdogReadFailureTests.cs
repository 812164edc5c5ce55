using System.Collections.Concurrent;
using System.Net;
using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Live;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Signing;
using Halyard.Operations.Alerts;
using Halyard.Operations.Control;
using Halyard.Operations.Metrics;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Hosting;
using Halyard.Tests.Cycle.Live;
using Halyard.Tests.Journal;
using Halyard.Tests.PaperExchange.Conformance;
using Microsoft.Extensions.Logging;

namespace Halyard.Tests.Operations;

/// <summary>
/// The watchdog's <c>position_unprotected</c> verdict needs the open orders: when that read fails, every position
/// would look bare. A real <c>halyard run</c> against a loopback paper exchange opens positions with their stops;
/// the operator's reads then go through a connection whose <c>frontendOpenOrders</c> answers HTTP 500.
/// </summary>
public sealed class WatchdogReadFailureTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 26, 4, 55, 0, TimeSpan.Zero);

    [Fact]
    public async Task OpenOrdersReadFails_StatusSaysSo_AndTheWatchdogRaisesNoUnprotectedAlert()
    {
        var key = PrivateKey.FromHex(ConformanceVenue.AccountKeyHex);
        var clock = new ScaledClock(TimeProvider.System, Start, 1.0);
        using var engine = new PaperExchangeEngine(new PaperExchangeOptions { Accounts = [new FundedAccount(key.Address.Value, 10_000m)] }, clock, protocolTime: TimeProvider.System);
        await using var server = await PaperExchangeServer.StartAsync(engine, 0, CancellationToken.None);
        using var dir = new TempDirectory();
        var config = LoopbackPaper.Config(server.BaseAddress, dir.File("journal"));
        var records = new LiveRecords();
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sessionReady = new TaskCompletionSource<LiveSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var run = LiveRunner.RunAsync(
            new LiveRequest
            {
                Config = config,
                Environment = LoopbackPaper.Environment,
                Attach = (session, _) => { sessionReady.TrySetResult(session); return Task.FromResult<IAsyncDisposable?>(null); },
                CycleCompleted = r =>
                {
                    records.Add(r);
                    opened.TrySetResult();
                },
            },
            stop.Token);
        try
        {
            await opened.Task.WaitAsync(TimeSpan.FromMinutes(3));
            var session = await sessionReady.Task;
            using var failing = new VenueConnection(new VenueConnectionOptions
            {
                Handler = new FailingOpenOrders(new SocketsHttpHandler()),
                Endpoint = new HyperliquidEndpoint(server.BaseAddress, new PaperExchangeOptions().IsMainnet),
                Identity = SigningIdentity.ForAccount(key),
                Clock = TimeProvider.System,
            });
            var healthy = new ControlCenter(session, records, TimeProvider.System);
            var control = new ControlCenter(session with { Venue = failing }, records, TimeProvider.System);
            var trader = session.Config.Traders[0].Id;

            var good = (await healthy.StatusAsync(CancellationToken.None)).Traders.Single(t => t.Id == trader);
            Assert.Null(good.ReadError);
            Assert.NotEmpty(good.Positions); // what the baseline opened in its first cycle, with their stops
            Assert.All(good.Positions, p => Assert.NotNull(p.StopLoss));

            var status = (await control.StatusAsync(CancellationToken.None)).Traders.Single(t => t.Id == trader);
            Assert.StartsWith("open orders: ", status.ReadError, StringComparison.Ordinal);

            var alerts = new ConcurrentQueue<Alert>();
            var log = new CapturingLogger();
            string warning;
            await using (var watchdog = new Watchdog(control, new HalyardMetrics(), alerts.Enqueue, log, TimeSpan.FromMinutes(1), stop.Token))
            {
                watchdog.AfterCycle(trader);
                warning = await log.Warned.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }

            Assert.Contains("open orders: ", warning, StringComparison.Ordinal);
            Assert.DoesNotContain(alerts, a => a.Kind == AlertKinds.Unprotected);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromMinutes(2));
        }
    }

    private sealed class FailingOpenOrders(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            return body.Contains("\"frontendOpenOrders\"", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("Internal Server Error") }
                : await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class CapturingLogger : ILogger
    {
        public TaskCompletionSource<string> Warned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warned.TrySetResult(formatter(state, exception));
            }
        }
    }
}
