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
