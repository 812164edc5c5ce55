using CsCheck;
using Halyard.Domain;
using Halyard.Journal.Analytics;

namespace Halyard.Tests.Journal.Analytics;

public class PerformanceAnalyzerTests
{
    private static readonly DateTimeOffset T0 = Curves.T0;

    // Hand-computed trade fixture (net = realized − fees + funding):
    //   BTC long   realized +120, fees  6, funding  −4 → net +110 (win)
    //   ETH short  realized  −50, fees  5, funding  +2 → net  −53 (loss)
    //   SOL long   realized  +10, fees 12, funding   0 → net   −2 (loss: fees turned a price gain into a loss)
    //   BTC short  realized +300, fees 10, funding −15 → net +275 (win)
    private static readonly ClosedTrade[] Trades =
    [
        Trade("BTC", PositionSide.Long, 0, 2, 120m, 6m, -4m),
        Trade("ETH", PositionSide.Short, 1, 3, -50m, 5m, 2m),
        Trade("SOL", PositionSide.Long, 3, 5, 10m, 12m, 0m),
        Trade("BTC", PositionSide.Short, 6, 9, 300m, 10m, -15m),
    ];

    // Open positions: DOGE 40 − 3 − 1 = +36; ETH −20 − 2 + 0.5 = −21.5 → unrealized net +14.5
    private static readonly OpenPositionPnl[] Open =
    [
        new("DOGE", T0.AddHours(7), 40m, 3m, -1m),
        new("ETH", T0.AddHours(8), -20m, 2m, 0.5m),
    ];

    [Fact]
    public void AnalyzePerformance_TradeFixture_MatchesHandComputedTradeFigures()
    {
        var report = Analyze(new PerformanceInputs { ClosedTrades = Trades, OpenPositions = Open, EquityCurve = Curves.Alternating(10, TimeSpan.FromHours(1)) });

        var t = report.Trades;
        Assert.Equal(4, t.ClosedTrades);
        Assert.Equal(2, t.Wins);
        Assert.Equal(2, t.Losses);
        Assert.Equal(50m, t.WinRatePct);                 // 2 / 4
        Assert.Equal(385m, t.GrossProfitUsd);            // 110 + 275
        Assert.Equal(55m, t.GrossLossUsd);               // 53 + 2
        Assert.Equal(7m, t.ProfitFactor);                // 385 / 55
        Assert.Equal(330m, t.RealizedNetPnlUsd);         // 110 − 53 − 2 + 275
        Assert.Equal(14.5m, t.UnrealizedNetPnlUsd);      // 36 − 21.5
        Assert.Equal(344.5m, t.NetPnlUsd);               // 330 + 14.5
        Assert.Equal(38m, t.FeesUsd);                    // 6 + 5 + 12 + 10 + 3 + 2
        Assert.Equal(-17.5m, t.FundingUsd);              // −4 + 2 + 0 − 15 − 1 + 0.5
    }

    [Fact]
    public void AnalyzePerformance_ACurveOutOfTimeOrder_GivesTheReportOfTheSortedCurve()
    {
        // A trader's curve comes sorted and is not copied to be sorted again; any other order is sorted first.
        var curve = Curves.Alternating(12, TimeSpan.FromHours(1));
        var shuffled = curve.AsEnumerable().Reverse().ToList();
        (shuffled[3], shuffled[7]) = (shuffled[7], shuffled[3]);

        foreach (var lastN in new[] { 5, 12, 40 })
        {
            var sorted = PerformanceAnalyzer.AnalyzePerformance(new PerformanceInputs { ClosedTrades = Trades, OpenPositions = Open, EquityCurve = curve }, lastN);
            var fromShuffled = PerformanceAnalyzer.AnalyzePerformance(new PerformanceInputs { ClosedTrades = Trades, OpenPositions = Open, EquityCurve = shuffled }, lastN);
            Assert.Equal((sorted.WindowStart, sorted.WindowEnd, sorted.Opens), (fromShuffled.WindowStart, fromShuffled.WindowEnd, fromShuffled.Opens));
            Assert.Equal(sorted.Returns, fromShuffled.Returns);
        }
    }

    [Fact]
    public void AnalyzePerformance_TenHourWindow_CountsOpensPerHour()
    {
        // 4 closed trades + 2 open positions opened over 10 h (11 hourly points) → 6 / 10 = 0.6 opens per hour
        var report = Analyze(new PerformanceInputs { ClosedTrades = Trades, OpenPositions = Open, EquityCurve = Curves.Alternating(10, TimeSpan.FromHours(1)) });

        Assert.Equal(6, report.Opens);
        Assert.Equal(0.6m, report.OpensPerHour);
        Assert.Equal(T0, report.WindowStart);
        Assert.Equal(T0.AddHours(10), report.WindowEnd);
        Assert.Equal(29.5972971738975, report.Sharpe!.Value, 9);
    }

    [Fact]
    public void AnalyzePerformance_HistoryLongerThanLastN_CutsTheWindowAtTheFirstPoint()
    {
        // 21 hourly points, lastN = 10 → points 10..20, window from T0+10h to T0+20h (10 h).
        var curve = Curves.Alternating(20, TimeSpan.FromHours(1));
        ClosedTrade[] trades =
        [
            Trade("A", PositionSide.Long, 2, 9, 100m, 0m, 0m),    // exited before the window: out
            Trade("B", PositionSide.Long, 9, 10, -30m, 0m, 0m),   // exited at the window start: in (its open is not)
            Trade("C", PositionSide.Long, 11, 12, 40m, 0m, 0m),   // in, opened in the window
        ];
        Judgement[] judgements =
        [
            new(T0.AddHours(5), JudgementSource.Validator, RejectionClass.Risk),   // before the window: out
            new(T0.AddHours(10), JudgementSource.Validator, null),
            new(T0.AddHours(15), JudgementSource.Venue, RejectionClass.Other),
        ];

        var report = Analyze(new PerformanceInputs { ClosedTrades = trades, EquityCurve = curve, Judgements = judgements });

        Assert.Equal(T0.AddHours(10), report.WindowStart);
        Assert.Equal(10, report.Returns.Returns);
        Assert.Equal(2, report.Trades.ClosedTrades);    // B and C
        Assert.Equal(10m, report.Trades.RealizedNetPnlUsd);  // −30 + 40
        Assert.Equal(1, report.Opens);                  // C only
        Assert.Equal(0.1m, report.OpensPerHour);        // 1 / 10 h
        Assert.Equal(2, report.Rejections.Judgements);
        Assert.Equal(50m, report.Rejections.RatePct);   // 1 of 2
    }

    [Fact]
    public void AnalyzePerformance_RejectionFixture_MatchesHandComputedRates()
    {
        // Validator: 10 judged, 2 risk + 1 precision rejected. Venue: 10 sent, 1 insufficient + 1 other rejected.
        // total = 20, rejected = 5 → 25 %; risk 2/20 = 10 %, precision, insufficient, other 1/20 = 5 % each, parameters 0 %.
        // decisions 3/10 = 30 %; orders 2/10 = 20 %
        var judgements = new List<Judgement>();
        judgements.AddRange(Enumerable.Repeat(new Judgement(T0, JudgementSource.Validator, null), 7));
        judgements.AddRange(Enumerable.Repeat(new Judgement(T0, JudgementSource.Validator, RejectionClass.Risk), 2));
        judgements.Add(new Judgement(T0, JudgementSource.Validator, RejectionClass.Precision));
        judgements.AddRange(Enumerable.Repeat(new Judgement(T0, JudgementSource.Venue, null), 8));
        judgements.Add(new Judgement(T0, JudgementSource.Venue, RejectionClass.Insufficient));
        judgements.Add(new Judgement(T0, JudgementSource.Venue, RejectionClass.Other));

        var r = Analyze(new PerformanceInputs { Judgements = judgements }).Rejections;

        Assert.Equal((10, 3, 10, 2), (r.DecisionsJudged, r.DecisionsRejected, r.OrdersSent, r.OrdersRejected));
        Assert.Equal(25m, r.RatePct);
        Assert.Equal(10m, r.ClassRatePct(RejectionClass.Risk));
        Assert.Equal(5m, r.ClassRatePct(RejectionClass.Precision));
        Assert.Equal(5m, r.ClassRatePct(RejectionClass.Insufficient));
        Assert.Equal(5m, r.ClassRatePct(RejectionClass.Other));
        Assert.Equal(0m, r.ClassRatePct(RejectionClass.Parameters));
        Assert.Equal(30m, r.DecisionRejectionRatePct);
        Assert.Equal(20m, r.OrderRejectionRatePct);
    }

    [Fact]
    public void AnalyzePerformance_NoHistory_ReportsEmptyFiguresAndAZeroView()
    {
        var report = Analyze(new PerformanceInputs());

        Assert.Equal(0, report.Trades.ClosedTrades);
        Assert.Null(report.Trades.WinRatePct);
        Assert.Null(report.Trades.ProfitFactor);
        Assert.Null(report.Sharpe);
        Assert.Null(report.OpensPerHour);
        Assert.Null(report.Rejections.RatePct);
        Assert.Null(report.WindowStart);
        Assert.Equal(Halyard.Decisions.PerformanceView.Empty, report.ToView(gated: false));
    }

    [Fact]
    public void AnalyzePerformance_AllWins_HasFullWinRateAndNoProfitFactor()
    {
        ClosedTrade[] wins = [Trade("A", PositionSide.Long, 0, 1, 10m, 1m, 0m), Trade("B", PositionSide.Short, 1, 2, 5m, 1m, 0m)];

        var t = Analyze(new PerformanceInputs { ClosedTrades = wins }).Trades;

        Assert.Equal(100m, t.WinRatePct);
        Assert.Equal(0m, t.GrossLossUsd);
        Assert.Null(t.ProfitFactor);
        Assert.Equal(13m, t.NetPnlUsd);   // (10 − 1) + (5 − 1)
    }

    [Fact]
    public void AnalyzePerformance_BreakevenTrade_IsNeitherWinNorLoss()
    {
        // realized 5, fees 5 → net 0: counts as a closed trade, not a win → win rate 0 / 1
        var t = Analyze(new PerformanceInputs { ClosedTrades = [Trade("A", PositionSide.Long, 0, 1, 5m, 5m, 0m)] }).Trades;

        Assert.Equal((1, 0, 0), (t.ClosedTrades, t.Wins, t.Losses));
        Assert.Equal(0m, t.WinRatePct);
    }

    [Fact]
    public void ToView_Report_CarriesTheFiguresTheDecisionStepReads()
    {
        var report = Analyze(new PerformanceInputs
        {
            ClosedTrades = Trades,
            OpenPositions = Open,
            EquityCurve = Curves.FromValues(TimeSpan.FromHours(1), 100m, 120m, 90m, 110m, 130m, 65m, 80m),
            Judgements = [new(T0, JudgementSource.Venue, RejectionClass.Risk), new(T0, JudgementSource.Venue, null)],
        });

        var view = report.ToView(gated: true);

        Assert.Equal(4, view.ClosedTrades);
        Assert.Equal(50m, view.WinRatePct);
        Assert.Equal(344.5m, view.NetPnlUsd);
        Assert.Equal(38m, view.FeesUsd);
        Assert.Null(view.Sharpe);                 // 6 returns < 10
        Assert.Equal(50d, view.MaxDrawdownPct);
        Assert.Equal(1m, view.OpensPerHour);      // 6 opens / 6 h
        Assert.Equal(50m, view.RejectionRatePct);
        Assert.True(view.Gated);
    }

    [Fact]
    public void AnalyzePerformance_LastNBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PerformanceAnalyzer.AnalyzePerformance(new PerformanceInputs(), 0));

    [Fact]
    public void AnalyzePerformance_AnyTrades_WinRateWithinBoundsAndClassRatesAddUp() =>
        Gen.Select(Gen.Decimal[-100m, 100m].Array[0, 30], Gen.Int[0, 4].Array[0, 30])
            .Sample((pnls, classes) =>
            {
                var trades = pnls.Select((p, i) => Trade("X", PositionSide.Long, i, i + 1, decimal.Round(p, 2), 0.5m, 0m)).ToList();
                var judgements = classes.Select((c, i) => new Judgement(T0, i % 2 == 0 ? JudgementSource.Venue : JudgementSource.Validator, c == 4 ? null : (RejectionClass)c)).ToList();
                var report = Analyze(new PerformanceInputs { ClosedTrades = trades, Judgements = judgements });
                var classSum = Enum.GetValues<RejectionClass>().Sum(c => report.Rejections.ClassRatePct(c) ?? 0m);
                return report.Trades.WinRatePct is null or (>= 0m and <= 100m)
                    && Math.Abs(classSum - (report.Rejections.RatePct ?? 0m)) < 1e-20m
                    && report.Trades.NetPnlUsd == trades.Sum(x => x.NetPnlUsd);
            });

    private static PerformanceReport Analyze(PerformanceInputs inputs) => PerformanceAnalyzer.AnalyzePerformance(inputs, 10);

    private static ClosedTrade Trade(string coin, PositionSide side, int entryHour, int exitHour, decimal realized, decimal fees, decimal funding) =>
        new(coin, side, T0.AddHours(entryHour), 100m, T0.AddHours(exitHour), 101m, 1m, realized, fees, funding);
}
