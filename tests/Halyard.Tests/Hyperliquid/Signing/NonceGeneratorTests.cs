using Halyard.Hyperliquid.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Hyperliquid.Signing;

public class NonceGeneratorTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public void Next_ClockAdvances_ReturnsNowMs()
    {
        var time = new FakeTimeProvider(Start);
        var nonces = new NonceGenerator(time);

        Assert.Equal(1_700_000_000_000, nonces.Next());
        time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(1_700_000_000_250, nonces.Next());
    }

    [Fact]
    public void Next_SameMillisecond_IncrementsByOne()
    {
        var nonces = new NonceGenerator(new FakeTimeProvider(Start));

        Assert.Equal([1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002], new[] { nonces.Next(), nonces.Next(), nonces.Next() });
    }

    [Fact]
    public void Next_ClockGoesBackwards_StillIncreases()
    {
        var time = new SettableTime { Now = Start };
        var nonces = new NonceGenerator(time);
        var first = nonces.Next();

        time.Now = Start.AddSeconds(-5);

        Assert.Equal(first + 1, nonces.Next());
    }

    [Fact]
    public void Next_ParallelCallers_AllDistinctAndIncreasingPerCaller()
    {
        var time = new FakeTimeProvider(Start);
        var nonces = new NonceGenerator(time);
        const int callers = 8;
        const int perCaller = 5_000;
        var results = new long[callers][];

        Parallel.For(0, callers, new ParallelOptions { MaxDegreeOfParallelism = callers }, c =>
        {
            var mine = new long[perCaller];
            for (var i = 0; i < perCaller; i++)
            {
                if (i % 1000 == 0 && c == 0)
                {
                    time.Advance(TimeSpan.FromMilliseconds(3));
                }

                mine[i] = nonces.Next();
            }

            results[c] = mine;
        });

        var all = results.SelectMany(r => r).ToArray();
        Assert.Equal(callers * perCaller, all.Distinct().Count());
        Assert.All(results, r => Assert.True(r.Zip(r.Skip(1)).All(p => p.Second > p.First)));
        Assert.Equal(all.Max(), nonces.Last);
    }

    [Fact]
    public void Generators_AreIndependentPerSigner()
    {
        var time = new FakeTimeProvider(Start);
        var a = new NonceGenerator(time);
        var b = new NonceGenerator(time);

        a.Next();
        a.Next();

        Assert.Equal(1_700_000_000_000, b.Next());
    }

    /// <summary>A clock that may be set backwards (FakeTimeProvider refuses to).</summary>
    private sealed class SettableTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
