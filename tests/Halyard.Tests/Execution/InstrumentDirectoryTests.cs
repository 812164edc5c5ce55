using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Retry;
using Halyard.Execution.Venue;
using Halyard.Execution.Workflows;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

public class InstrumentDirectoryTests
{
    [Fact]
    public async Task Update_SameRulesAgain_KeepsResolvingThemWithoutARequest()
    {
        using var sut = new ScriptedSut();
        var directory = CreateSut(sut);
        directory.Update(ScriptedSut.Instruments);
        directory.Update([.. ScriptedSut.Instruments]);

        var (rules, error) = await directory.ResolveAsync("ETH", RetryProfile.Protective, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(25, rules!.MaxLeverage);
        Assert.Equal(0, sut.Venue.Count("meta"));
    }

    [Fact]
    public async Task Update_ChangedOrFewerRules_TakesTheNewOnes()
    {
        using var sut = new ScriptedSut();
        var directory = CreateSut(sut);
        directory.Update(ScriptedSut.Instruments);
        directory.Update([ScriptedSut.Instruments[0], ScriptedSut.Instruments[1] with { MaxLeverage = 10 }]);

        var (eth, _) = await directory.ResolveAsync("ETH", RetryProfile.Protective, CancellationToken.None);
        directory.Update([ScriptedSut.Instruments[0]]);
        var (btc, _) = await directory.ResolveAsync("BTC", RetryProfile.Protective, CancellationToken.None);

        Assert.Equal(10, eth!.MaxLeverage);
        Assert.Equal(40, btc!.MaxLeverage);
        Assert.Equal(0, sut.Venue.Count("meta"));
    }

    private static InstrumentDirectory CreateSut(ScriptedSut sut) => new(new VenueGateway(
        sut.Exchange,
        sut.Info,
        ScriptedSut.Key.Address.Value,
        new RetryRunner(new OrchestratorOptions(), sut.Clock, new Random(1)),
        sut.Clock));
}
