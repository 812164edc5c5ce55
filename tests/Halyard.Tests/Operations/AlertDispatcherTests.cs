using Halyard.Operations.Alerts;
using Halyard.Tests.Journal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Halyard.Tests.Operations;

public class AlertDispatcherTests
{
    private static Alert Some(string kind = AlertKinds.LoopStopped) =>
        new(kind, "critical", "t01", new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero), "the loop ended", "/runs/x");

    [Fact]
    public async Task Raise_WebhookFailsTwice_IsRetriedWithBackoffUntilDelivered()
    {
        await using var receiver = new AlertReceiver();
        await receiver.StartAsync();
        receiver.FailNext(2);
        var options = new AlertOptions { WebhookUrl = new Uri(receiver.Url + "/hook"), Backoff = TimeSpan.FromMilliseconds(10) };
        var dispatcher = new AlertDispatcher(options, TimeProvider.System, NullLogger.Instance);

        dispatcher.Raise(Some());
        var alert = await receiver.WaitForAsync(a => a.Kind == AlertKinds.LoopStopped, TimeSpan.FromSeconds(30));
        await dispatcher.DisposeAsync();

        Assert.Equal(3, receiver.Posts);
        Assert.Equal("t01", alert.Trader);
        Assert.Equal("the loop ended", alert.Message);
        Assert.Equal(1, dispatcher.Delivered);
        Assert.Equal(0, dispatcher.Failed);
    }

    [Fact]
    public async Task Raise_WebhookHangs_ReturnsAtOnceAndQueuesBoundedDroppingTheOldest()
    {
        await using var receiver = new AlertReceiver { Hold = new TaskCompletionSource() };
        await receiver.StartAsync();
        var options = new AlertOptions { WebhookUrl = new Uri(receiver.Url + "/hook"), Capacity = 2, Backoff = TimeSpan.FromMilliseconds(10) };
        var dispatcher = new AlertDispatcher(options, TimeProvider.System, NullLogger.Instance);

        // Ten alerts while the receiver holds the first post: none of the calls waits for delivery.
        for (var i = 0; i < 10; i++)
        {
            dispatcher.Raise(Some() with { Message = "alert " + i });
        }

        var delivered = dispatcher.Delivered;
        receiver.Hold.SetResult();
        await dispatcher.DisposeAsync();

        Assert.Equal(0, delivered);
        Assert.True(dispatcher.Dropped >= 7, "dropped " + dispatcher.Dropped);
        Assert.Contains(receiver.Received, a => a.Message == "alert 9");
    }

    [Fact]
    public async Task Raise_WebhookNeverAnswersOk_GivesUpAfterTheAttempts()
    {
        await using var receiver = new AlertReceiver();
        await receiver.StartAsync();
        receiver.FailNext(100);
        var options = new AlertOptions { WebhookUrl = new Uri(receiver.Url + "/hook"), MaxAttempts = 3, Backoff = TimeSpan.FromMilliseconds(5) };
        var dispatcher = new AlertDispatcher(options, TimeProvider.System, NullLogger.Instance);

        dispatcher.Raise(Some());
        await dispatcher.DisposeAsync();

        Assert.Equal(3, receiver.Posts);
        Assert.Equal(1, dispatcher.Failed);
    }

    [Fact]
    public async Task Raise_CommandHook_GetsTheAlertJsonOnItsStandardInput()
    {
        using var dir = new TempDirectory();
        var file = dir.File("alert.json");
        var dispatcher = new AlertDispatcher(new AlertOptions { Command = $"cat > '{file}'" }, TimeProvider.System, NullLogger.Instance);

        dispatcher.Raise(Some(AlertKinds.VenueDown));
        await dispatcher.DisposeAsync();

        var alert = Alert.FromJson(await File.ReadAllTextAsync(file));
        Assert.Equal(AlertKinds.VenueDown, alert!.Kind);
        Assert.Equal(1, dispatcher.Delivered);
    }
}
