using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

public sealed class OrderCommandTests
{
    private const string Cloid = "0x0000000000000000000000000000abcd";

    [Fact]
    public async Task Cancel_RestingOrder_SuccessThenMissing()
    {
        using var h = new PaperHarness();
        var oid = (await h.OrderAsync(Btc, true, "100000", "0.001")).GetProperty("resting").GetProperty("oid").GetInt64();
        var cancel = "{\"type\":\"cancel\",\"cancels\":[{\"a\":0,\"o\":" + oid + "}]}";
        Assert.Equal("success", (await h.ExchangeAsync(cancel)).GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetString());
        var again = (await h.ExchangeAsync(cancel)).GetProperty("response").GetProperty("data").GetProperty("statuses")[0];
        Assert.Equal("Order was never placed, already canceled, or filled. asset=0", again.GetProperty("error").GetString());
        var status = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":" + oid + "}");
        Assert.Equal("canceled", status.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancelByCloid_RestingOrder_Success()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "100000", "0.001", cloid: Cloid);
        var answer = await h.ExchangeAsync("{\"type\":\"cancelByCloid\",\"cancels\":[{\"asset\":0,\"cloid\":\"" + Cloid + "\"}]}");
        Assert.Equal("success", answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].GetString());
        Assert.Equal(0, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
    }

    [Fact]
    public async Task Cancel_OtherUsersOrder_Missing()
    {
        using var h = new PaperHarness(new Halyard.PaperExchange.PaperExchangeOptions { Accounts = [new(Bob, 1000m)] });
        var oid = (await h.OrderAsync(Btc, true, "100000", "0.001")).GetProperty("resting").GetProperty("oid").GetInt64();
        var answer = await h.ExchangeAsync("{\"type\":\"cancel\",\"cancels\":[{\"a\":0,\"o\":" + oid + "}]}", signer: Bob);
        Assert.True(answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0].TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Modify_ByCloid_ReplacesPriceAndKeepsTheCloid()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "100000", "0.001", cloid: Cloid);
        var answer = await h.ExchangeAsync("{\"type\":\"modify\",\"oid\":\"" + Cloid + "\",\"order\":" + Limit(Btc, true, "101000", "0.002", cloid: Cloid) + "}");
        Assert.Equal("default", answer.GetProperty("response").GetProperty("type").GetString());
        var open = await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}");
        Assert.Equal(1, open.GetArrayLength());
        Assert.Equal("101000.0", open[0].GetProperty("limitPx").GetString());
        Assert.Equal("0.002", open[0].GetProperty("sz").GetString());
        Assert.Equal(Cloid, open[0].GetProperty("cloid").GetString());
    }

    [Fact]
    public async Task Modify_CanceledOrder_CannotModify()
    {
        using var h = new PaperHarness();
        var oid = (await h.OrderAsync(Btc, true, "100000", "0.001")).GetProperty("resting").GetProperty("oid").GetInt64();
        await h.ExchangeAsync("{\"type\":\"cancel\",\"cancels\":[{\"a\":0,\"o\":" + oid + "}]}");
        var answer = await h.ExchangeAsync("{\"type\":\"modify\",\"oid\":" + oid + ",\"order\":" + Limit(Btc, true, "101000", "0.001") + "}");
        Assert.Equal("err", answer.GetProperty("status").GetString());
        Assert.Equal("Cannot modify canceled or filled order", answer.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Modify_InvalidNewPrice_LeavesTheOriginalResting()
    {
        using var h = new PaperHarness();
        var oid = (await h.OrderAsync(Btc, true, "100000", "0.001")).GetProperty("resting").GetProperty("oid").GetInt64();
        var answer = await h.ExchangeAsync("{\"type\":\"modify\",\"oid\":" + oid + ",\"order\":" + Limit(Btc, true, "101000.5", "0.001") + "}");
        Assert.StartsWith("Price must be divisible by tick size.", answer.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Equal(oid, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}"))[0].GetProperty("oid").GetInt64());
    }

    [Fact]
    public async Task BatchModify_OneStatusPerModify()
    {
        using var h = new PaperHarness();
        var first = (await h.OrderAsync(Btc, true, "100000", "0.001")).GetProperty("resting").GetProperty("oid").GetInt64();
        var answer = await h.ExchangeAsync("{\"type\":\"batchModify\",\"modifies\":[{\"oid\":" + first + ",\"order\":" + Limit(Btc, true, "100500", "0.001")
            + "},{\"oid\":42,\"order\":" + Limit(Btc, true, "100500", "0.001") + "}]}");
        Assert.Equal("order", answer.GetProperty("response").GetProperty("type").GetString());
        var statuses = Statuses(answer);
        Assert.True(statuses[0].TryGetProperty("resting", out _));
        Assert.Equal("Order was never placed, already canceled, or filled.", statuses[1].GetProperty("error").GetString());
    }
}
