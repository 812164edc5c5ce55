using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.Tests.Hyperliquid.Http;

namespace Halyard.Tests.Hyperliquid.Info;

public sealed class FillPagerTests
{
    private const string Account = "0x8e0c473fed9630906779f982cd0f80cb7011812d";

    [Fact]
    public async Task GetUserFillHistory_ShortFirstPage_OneRequestComplete()
    {
        var venue = new FakeFillVenue([(10, 1), (20, 2)], cap: 500, newestFirst: false);
        var client = venue.Client();

        var history = (await client.GetUserFillHistoryAsync(new FillHistoryQuery(Account, At(0), null), CancellationToken.None)).Value!;

        Assert.True(history.IsComplete);
        Assert.Equal([1L, 2L], history.Fills.Select(f => f.Tid!.Value));
        Assert.Single(venue.Handler.Requests);
    }

    [Fact]
    public async Task GetUserFillHistory_OldestFirstPages_ContinuesFromTheNewestTimeInclusive()
    {
        // Two fills share ms 30, across the page boundary.
        var venue = new FakeFillVenue([(10, 1), (20, 2), (30, 3), (30, 4), (40, 5)], cap: 3, newestFirst: false);
        var client = venue.Client();

        var history = (await client.GetUserFillHistoryAsync(new FillHistoryQuery(Account, At(0), At(100)) { SmallestPageCap = 3 }, CancellationToken.None)).Value!;

        Assert.True(history.IsComplete);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], history.Fills.Select(f => f.Tid!.Value));
        Assert.Equal([(0L, 100L), (30L, 100L), (40L, 100L)], venue.Ranges());
    }

    [Fact]
    public async Task GetUserFillHistory_NewestFirstPages_ContinuesWithTheRangeEndingAtTheOldest()
    {
        var venue = new FakeFillVenue([(10, 1), (20, 2), (30, 3), (30, 4), (40, 5)], cap: 3, newestFirst: true);
        var client = venue.Client();

        var history = (await client.GetUserFillHistoryAsync(new FillHistoryQuery(Account, At(0), null) { SmallestPageCap = 3 }, CancellationToken.None)).Value!;

        Assert.True(history.IsComplete);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], history.Fills.Select(f => f.Tid!.Value));
        Assert.Equal([(0L, (long?)null), (0L, 30L), (0L, 20L)], venue.RangesWithOpenEnd());
    }

    [Fact]
    public async Task GetUserFillHistory_PageLimitReached_Incomplete()
    {
        var venue = new FakeFillVenue([.. Enumerable.Range(1, 10).Select(i => ((long)i, (long)i))], cap: 2, newestFirst: false);
        var client = venue.Client();

        var history = (await client.GetUserFillHistoryAsync(new FillHistoryQuery(Account, At(0), null) { SmallestPageCap = 2, MaxPages = 3 }, CancellationToken.None)).Value!;

        Assert.False(history.IsComplete);
        Assert.Equal(3, venue.Handler.Requests.Count);
        Assert.Equal([1L, 2L, 3L, 4L], history.Fills.Select(f => f.Tid!.Value));
    }

    [Fact]
    public async Task GetUserFillHistory_FailureOnALaterPage_ReturnsTheFailure()
    {
        var page = FakeFillVenue.Json([(1, 1), (2, 2)]);
        var calls = 0;
        var handler = new StubHandler((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? StubHandler.Response(Encoding.UTF8.GetBytes(page), HttpStatusCode.OK)
            : StubHandler.Response("down"u8.ToArray(), HttpStatusCode.ServiceUnavailable, "text/plain")));
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock()));

        var result = await client.GetUserFillHistoryAsync(new FillHistoryQuery(Account, At(0), null) { SmallestPageCap = 2 }, CancellationToken.None);

        Assert.Equal(ErrorClass.ExchangeDown, result.Error!.Class);
    }

    [Fact]
    public void GetUserFillHistory_AnyFillsCapAndOrder_CollectsExactlyTheFillsInRange()
    {
        var gen =
            from times in Gen.Long[0, 400].List[0, 200]
            from cap in Gen.Int[4, 40]
            from newestFirst in Gen.Bool
            from start in Gen.Long[0, 200]
            from span in Gen.Long[0, 400]
            from openEnd in Gen.Bool
            where times.GroupBy(t => t).All(g => g.Count() < cap)
            select (times, cap, newestFirst, start, end: openEnd ? (long?)null : start + span);

        gen.Sample(c =>
        {
            var fills = c.times.Select((t, i) => (t, (long)i + 1)).ToArray();
            var venue = new FakeFillVenue(fills, c.cap, c.newestFirst);
            var query = new FillHistoryQuery(Account, At(c.start), c.end is { } e ? At(e) : null) { SmallestPageCap = c.cap, MaxPages = 1000 };

            var history = venue.Client().GetUserFillHistoryAsync(query, CancellationToken.None).GetAwaiter().GetResult().Value!;

            var expected = fills.Where(f => f.Item1 >= c.start && (c.end is null || f.Item1 <= c.end)).Select(f => f.Item2).Order();
            return history.IsComplete && history.Fills.Select(f => f.Tid!.Value).Order().SequenceEqual(expected)
                && history.Fills.Zip(history.Fills.Skip(1)).All(p => p.First.Time <= p.Second.Time);
        });
    }

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>A venue holding fills that answers userFillsByTime with at most <c>cap</c> fills, oldest or newest first.</summary>
    private sealed class FakeFillVenue
    {
        private readonly (long Time, long Tid)[] _fills;
        private readonly int _cap;
        private readonly bool _newestFirst;

        public FakeFillVenue(IEnumerable<(long Time, long Tid)> fills, int cap, bool newestFirst)
        {
            _fills = [.. fills];
            _cap = cap;
            _newestFirst = newestFirst;
            Handler = new StubHandler(async (request, ct) =>
            {
                using var body = JsonDocument.Parse(await request.Content!.ReadAsByteArrayAsync(ct));
                var (start, end) = RangeOf(body.RootElement);
                var inRange = _fills.Where(f => f.Time >= start && (end is null || f.Time <= end));
                var page = (_newestFirst
                    ? inRange.OrderByDescending(f => f.Time).ThenByDescending(f => f.Tid)
                    : inRange.OrderBy(f => f.Time).ThenBy(f => f.Tid)).Take(_cap);
                return StubHandler.Response(Encoding.UTF8.GetBytes(Json(page)), HttpStatusCode.OK);
            });
        }

        public StubHandler Handler { get; }

        public static string Json(IEnumerable<(long Time, long Tid)> fills) =>
            "[" + string.Join(',', fills.Select(f => string.Create(CultureInfo.InvariantCulture,
                $$"""{"coin":"ETH","px":"4307.4","sz":"0.0025","side":"B","time":{{f.Time}},"startPosition":"0.0","dir":"Open Long","closedPnl":"0.0","hash":"0x7d","oid":{{f.Tid}},"crossed":true,"fee":"0.004845","tid":{{f.Tid}},"feeToken":"USDC","twapId":null}"""))) + "]";

        public InfoClient Client() => new(TestHttp.Create(Handler, TestHttp.Clock()));

        public (long Start, long End)[] Ranges() =>
            [.. RangesWithOpenEnd().Select(r => (r.Start, r.End!.Value))];

        public (long Start, long? End)[] RangesWithOpenEnd() =>
            [.. Handler.Requests.Select(r =>
            {
                using var doc = JsonDocument.Parse(r.Body);
                return RangeOf(doc.RootElement);
            })];

        private static (long Start, long? End) RangeOf(JsonElement body) =>
            (body.GetProperty("startTime").GetInt64(), body.TryGetProperty("endTime", out var e) ? e.GetInt64() : null);
    }
}
