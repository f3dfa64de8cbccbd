using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Events;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

public sealed class EventRecorderTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    [Fact]
    public async Task RecordAsync_SameEventTwice_OneEventWithCountTwo()
    {
        var widget = await Client.CreateAsync(Widget.Named("noisy", Namespace), cancellationToken: Timeout());
        using var recorder = new EventRecorder(Client, new EventRecorderOptions { Component = "widget-operator", Instance = "replica-1" });

        await recorder.RecordAsync(widget, EventType.Warning, "SizeTooLarge", "size 1 exceeds the quota", Timeout());
        await recorder.RecordAsync(widget, EventType.Warning, "SizeTooLarge", "size 1 exceeds the quota", Timeout());

        var recorded = Assert.Single((await Client.ListAsync<Corev1Event>(Namespace, cancellationToken: Timeout())).Items);
        Assert.Equal(2, recorded.Count);
        Assert.Equal("Warning", recorded.Type);
        Assert.Equal("SizeTooLarge", recorded.Reason);
        Assert.Equal("size 1 exceeds the quota", recorded.Message);
        Assert.Equal(widget.Metadata.Uid, recorded.InvolvedObject.Uid);
        Assert.Equal("Widget", recorded.InvolvedObject.Kind);
        Assert.Equal("test.tollgate.dev/v1", recorded.InvolvedObject.ApiVersion);
        Assert.Equal("widget-operator", recorded.Source?.Component);
        Assert.Equal("replica-1", recorded.Source?.Host);
        Assert.Equal("widget-operator", recorded.ReportingComponent);
        Assert.True(recorded.LastTimestamp >= recorded.FirstTimestamp);
    }

    [Fact]
    public async Task RecordAsync_ManyAtOnce_RepeatsCountedExactlyOthersSeparate()
    {
        var widget = await Client.CreateAsync(Widget.Named("busy", Namespace), cancellationToken: Timeout());
        using var recorder = new EventRecorder(Client, new EventRecorderOptions { Component = "widget-operator" });
        await recorder.RecordAsync(widget, EventType.Normal, "Resized", "size 0", Timeout());

        await Task.WhenAll(Enumerable.Range(1, 20).SelectMany(i => new[]
        {
            recorder.RecordAsync(widget, EventType.Normal, "Resized", "size 0", Timeout()),
            recorder.RecordAsync(widget, EventType.Normal, "Resized", $"size {i}", Timeout()),
        }));

        var events = (await Client.ListAsync<Corev1Event>(Namespace, cancellationToken: Timeout())).Items;
        Assert.Equal(21, events.Count);
        Assert.Equal(21, Assert.Single(events, e => e.Message == "size 0").Count);
        Assert.All(events.Where(e => e.Message != "size 0"), e => Assert.Equal(1, e.Count));
    }

    [Fact]
    public async Task RecordAsync_DifferentMessage_SeparateEvents()
    {
        var widget = await Client.CreateAsync(Widget.Named("chatty", Namespace), cancellationToken: Timeout());
        using var recorder = new EventRecorder(Client, new EventRecorderOptions { Component = "widget-operator" });

        await recorder.RecordAsync(widget, EventType.Normal, "Resized", "size 1", Timeout());
        await recorder.RecordAsync(widget, EventType.Normal, "Resized", "size 2", Timeout());

        var events = (await Client.ListAsync<Corev1Event>(Namespace, cancellationToken: Timeout())).Items;
        Assert.Equal(["size 1", "size 2"], events.Select(e => e.Message).Order());
        Assert.All(events, e => Assert.Equal(1, e.Count));
    }

    [Fact]
    public async Task RecordAsync_RememberedEventDeleted_CreatesItAgain()
    {
        var widget = await Client.CreateAsync(Widget.Named("forgotten", Namespace), cancellationToken: Timeout());
        using var recorder = new EventRecorder(Client, new EventRecorderOptions { Component = "widget-operator" });
        await recorder.RecordAsync(widget, EventType.Normal, "Synced", "in sync", Timeout());
        var first = Assert.Single((await Client.ListAsync<Corev1Event>(Namespace, cancellationToken: Timeout())).Items);
        await Client.DeleteAsync<Corev1Event>(first.Metadata.Name!, Namespace, cancellationToken: Timeout());

        await recorder.RecordAsync(widget, EventType.Normal, "Synced", "in sync", Timeout());

        var again = Assert.Single((await Client.ListAsync<Corev1Event>(Namespace, cancellationToken: Timeout())).Items);
        Assert.NotEqual(first.Metadata.Name, again.Metadata.Name);
        Assert.Equal(1, again.Count);
    }
}
