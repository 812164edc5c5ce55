using Halyard.Cycle.Live;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Live;

public class AccountClaimTests
{
    private const string Account = "0x14dc79964da2c08b23698b3d3cc7ca32193d9955";

    [Fact]
    public void Acquire_SecondRunOnTheSameAccount_IsRefusedUntilTheFirstEnds()
    {
        using var folder = new TempDirectory();
        using var other = new TempDirectory();
        using var locks = new TempDirectory();

        var first = AccountClaim.Acquire(folder.Path, "testnet", Account, locks.Path);
        var second = AccountClaim.Acquire(other.Path, "testnet", Account, locks.Path);

        Assert.True(first.IsSuccess);
        Assert.False(second.IsSuccess);
        Assert.Contains("one process per account", second.Error.Message, StringComparison.Ordinal);
        first.Value.Dispose();
        var third = AccountClaim.Acquire(folder.Path, "testnet", Account, locks.Path);
        Assert.True(third.IsSuccess);
        third.Value.Dispose();
    }

    [Fact]
    public void Acquire_ShadowOnlyRunBesideTheLiveRunOfTheSameAccount_IsAllowed_TwoLiveRunsAreNot()
    {
        using var liveFolder = new TempDirectory();
        using var shadowFolder = new TempDirectory();
        using var locks = new TempDirectory();
        var starter = Halyard.Cycle.Configuration.HalyardConfig.Default();
        var testnet = starter with { Exchange = starter.Exchange with { Provider = Halyard.Cycle.Configuration.ExchangeProvider.Testnet } };
        var shadowOnly = testnet with { Traders = [testnet.Traders[0] with { Shadow = true }] };
        var mixed = testnet with { Traders = [testnet.Traders[0] with { AllocationPct = 50m }, testnet.Traders[0] with { Id = "s", AllocationPct = 50m, Shadow = true }] };

        Assert.Equal("testnet", LiveRunner.ClaimNetwork(testnet));
        Assert.Equal("testnet", LiveRunner.ClaimNetwork(mixed)); // a live trader in the process: the account's lock
        Assert.Equal("shadow@testnet", LiveRunner.ClaimNetwork(shadowOnly));

        using var live = AccountClaim.Acquire(liveFolder.Path, LiveRunner.ClaimNetwork(testnet), Account, locks.Path).Value;
        var shadow = AccountClaim.Acquire(shadowFolder.Path, LiveRunner.ClaimNetwork(shadowOnly), Account, locks.Path);
        Assert.True(shadow.IsSuccess, shadow.Error?.Message);
        shadow.Value.Dispose();
        Assert.False(AccountClaim.Acquire(shadowFolder.Path, LiveRunner.ClaimNetwork(mixed), Account, locks.Path).IsSuccess);
    }

    [Fact]
    public void Acquire_FolderOfAnotherAccount_IsRefusedAndTheScopeIsKept()
    {
        using var folder = new TempDirectory();
        using var locks = new TempDirectory();
        string scope;
        var first = AccountClaim.Acquire(folder.Path, "testnet", Account, locks.Path);
        Assert.True(first.IsSuccess);
        using (first.Value)
        {
            scope = first.Value.Venue.CloidScope;
        }

        var mainnet = AccountClaim.Acquire(folder.Path, "mainnet", Account, locks.Path);
        var again = AccountClaim.Acquire(folder.Path, "testnet", Account.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), locks.Path);

        Assert.False(mainnet.IsSuccess);
        Assert.Contains("belongs to testnet", mainnet.Error.Message, StringComparison.Ordinal);
        Assert.True(again.IsSuccess);
        Assert.Equal(scope, again.Value.Venue.CloidScope);
        again.Value.Dispose();
    }
}
