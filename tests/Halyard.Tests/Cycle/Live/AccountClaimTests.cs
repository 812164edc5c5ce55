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

        var (first, _) = AccountClaim.Acquire(folder.Path, "testnet", Account, locks.Path);
        var (second, error) = AccountClaim.Acquire(other.Path, "testnet", Account, locks.Path);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Contains("one process per account", error, StringComparison.Ordinal);
        first!.Dispose();
        var (third, _) = AccountClaim.Acquire(folder.Path, "testnet", Account, locks.Path);
        Assert.NotNull(third);
        third!.Dispose();
    }

    [Fact]
    public void Acquire_FolderOfAnotherAccount_IsRefusedAndTheScopeIsKept()
    {
        using var folder = new TempDirectory();
        using var locks = new TempDirectory();
        string scope;
        var (first, _) = AccountClaim.Acquire(folder.Path, "testnet", Account, locks.Path);
        using (first)
        {
            scope = first!.Venue.CloidScope;
        }

        var (mainnet, error) = AccountClaim.Acquire(folder.Path, "mainnet", Account, locks.Path);
        var (again, _) = AccountClaim.Acquire(folder.Path, "testnet", Account.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), locks.Path);

        Assert.Null(mainnet);
        Assert.Contains("belongs to testnet", error, StringComparison.Ordinal);
        Assert.Equal(scope, again!.Venue.CloidScope);
        again.Dispose();
    }
}
