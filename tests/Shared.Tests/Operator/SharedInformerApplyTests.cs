using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Watch;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>The informer's event processing fed directly (the informer is never started, so no API is involved).</summary>
public sealed class SharedInformerApplyTests : IAsyncLifetime
{
    private readonly KubernetesClient unused = new(new KubernetesClientConfiguration { Host = new Uri("https://127.0.0.1:9") }, TestJsonContext.Default);
    private SharedInformer<Widget> informer = null!;

    public Task InitializeAsync()
    {
        informer = new SharedInformer<Widget>(unused, new SharedInformerOptions { Namespace = "ns" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await informer.DisposeAsync();
        unused.Dispose();
    }

    [Fact]
    public async Task Apply_FirstList_MarksSyncedAndReleasesWaiters()
    {
        var waiting = informer.WaitForCacheSyncAsync(CancellationToken.None);
        Assert.False(informer.HasSynced);

        informer.Apply(Listed(Version("a", "1")));

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(informer.HasSynced);
        Assert.Equal("1", informer.Cache.Get("ns", "a")!.Metadata.ResourceVersion);
    }

    [Fact]
    public void Apply_RelistAfterDisconnect_DeliversMissedChangesIncludingDeletes()
    {
        var handler = new RecordingHandler<Widget>();
        informer.AddEventHandler(handler);

        informer.Apply(Listed(Version("a", "1"), Version("b", "1")));
        informer.Apply(new ListWatchEvent<Widget>(ListWatchEventType.Modified, Version("b", "2"), null, "2"));
        informer.Apply(Listed(Version("b", "3"), Version("c", "3")));

        Assert.Equal(["add a", "add b", "update b 1->2", "update b 2->3", "add c", "delete a"], handler.Seen);
        Assert.Null(informer.Cache.Get("ns", "a"));
        Assert.True(informer.HasSynced);
    }

    [Fact]
    public void Apply_WatchEvents_UpdateCacheAndHandlersInOrder()
    {
        var handler = new RecordingHandler<Widget>();
        informer.AddEventHandler(handler);
        informer.Apply(Listed());

        informer.Apply(new ListWatchEvent<Widget>(ListWatchEventType.Added, Version("a", "1"), null, "1"));
        informer.Apply(new ListWatchEvent<Widget>(ListWatchEventType.Modified, Version("a", "2"), null, "2"));
        informer.Apply(new ListWatchEvent<Widget>(ListWatchEventType.Deleted, Version("a", "3"), null, "3"));
        informer.Apply(new ListWatchEvent<Widget>(ListWatchEventType.Deleted, Version("ghost", "4"), null, "4"));

        Assert.Equal(["add a", "update a 1->2", "delete a"], handler.Seen);
        Assert.Equal(0, informer.Cache.Count);
    }

    [Fact]
    public void AddEventHandler_AfterSync_ReplaysCachedObjectsAsAddsThenLiveChanges()
    {
        informer.Apply(Listed(Version("a", "1"), Version("b", "1")));
        var late = new RecordingHandler<Widget>();

        informer.AddEventHandler(late);
        informer.Apply(new ListWatchEvent<Widget>(ListWatchEventType.Added, Version("c", "2"), null, "2"));

        Assert.Equal(["add a", "add b", "add c"], late.Seen.Order());
        Assert.Equal("add c", late.Seen[^1]);
    }

    [Fact]
    public void Apply_HandlerThrows_OtherHandlersAndCacheUnaffected()
    {
        var good = new RecordingHandler<Widget>();
        informer.AddEventHandler(new ThrowingHandler());
        informer.AddEventHandler(good);

        informer.Apply(Listed(Version("a", "1")));

        Assert.Equal(["add a"], good.Seen);
        Assert.NotNull(informer.Cache.Get("ns", "a"));
    }

    private static ListWatchEvent<Widget> Listed(params Widget[] items) => new(ListWatchEventType.Listed, null, items, "0");

    private static Widget Version(string name, string resourceVersion)
    {
        var widget = Widget.Named(name, "ns");
        widget.Metadata.ResourceVersion = resourceVersion;
        return widget;
    }
}
