using System.Text.Json;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

public sealed class SharedInformerTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Informer_WidgetsCreatedUpdatedDeleted_CacheFollowsAndHandlersSeeEachChange()
    {
        using var client = new KubernetesClient(Plane.AdminConfiguration, TestJsonContext.Default, OperatorTestJsonContext.Default);
        var elsewhere = await Plane.CreateNamespaceAsync("t-other");
        try
        {
            await Client.CreateAsync(Widget.Named("before", Namespace, 1), cancellationToken: Timeout());
            await using var informer = new SharedInformer<Sprocket>(client, new SharedInformerOptions { Namespace = Namespace });
            var handler = new RecordingHandler<Sprocket>();
            informer.AddEventHandler(handler);

            informer.Start();
            await informer.WaitForCacheSyncAsync(Timeout());

            Assert.True(informer.HasSynced);
            Assert.Equal(1, informer.Cache.Get(Namespace, "before")!.Spec.Size);
            var created = await Client.CreateAsync(Widget.Named("w", Namespace, 2), cancellationToken: Timeout());
            created.Spec.Size = 3;
            await Client.UpdateAsync(created, cancellationToken: Timeout());
            await Client.CreateAsync(Widget.Named("outside", elsewhere), cancellationToken: Timeout());
            await Client.DeleteAsync<Widget>("before", Namespace, cancellationToken: Timeout());
            await TestWait.UntilAsync(
                "the cache to hold w at size 3 and lose before",
                () => informer.Cache.Get(Namespace, "w")?.Spec.Size == 3 && informer.Cache.Get(Namespace, "before") is null,
                Wait);

            Assert.Equal(["add before", "add w", "update w", "delete before"], handler.Seen.Select(NameOnly));
            Assert.Equal(["w"], informer.Cache.List(Namespace).Select(s => s.Metadata.Name));
            Assert.Empty(informer.Cache.List(elsewhere));
        }
        finally
        {
            await Plane.DeleteNamespaceAsync(elsewhere);
        }
    }

    [Fact]
    public async Task Informer_ObjectsWithManagedFields_CachedWithoutThemAndUpdatesFromCacheKeepTheServers()
    {
        using var client = new KubernetesClient(Plane.AdminConfiguration);
        await client.CreateAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "settings", Namespace = Namespace }, Data = new Dictionary<string, string> { ["mode"] = "a" } },
            cancellationToken: Timeout());
        await using var stripping = new SharedInformer<V1ConfigMap>(client, new SharedInformerOptions { Namespace = Namespace });
        await using var keeping = new SharedInformer<V1ConfigMap>(client, new SharedInformerOptions { Namespace = Namespace, KeepManagedFields = true });
        stripping.Start();
        keeping.Start();
        await stripping.WaitForCacheSyncAsync(Timeout());
        await keeping.WaitForCacheSyncAsync(Timeout());

        var cached = stripping.Cache.Get(Namespace, "settings")!;
        Assert.False(cached.Metadata.AdditionalProperties?.ContainsKey(ManagedFields.FieldName) == true);
        Assert.True(keeping.Cache.Get(Namespace, "settings")!.Metadata.AdditionalProperties?.ContainsKey(ManagedFields.FieldName));
        Assert.True((await client.GetAsync<V1ConfigMap>("settings", Namespace, Timeout()))!.Metadata.AdditionalProperties?.ContainsKey(ManagedFields.FieldName));

        // A controller's read-modify-write: a private copy of the cached object, changed and sent back.
        var copy = JsonSerializer.Deserialize(JsonSerializer.Serialize(cached, KubernetesJsonContext.Default.V1ConfigMap), KubernetesJsonContext.Default.V1ConfigMap)!;
        copy.Data!["mode"] = "b";
        await client.UpdateAsync(copy, cancellationToken: Timeout());

        var stored = (await client.GetAsync<V1ConfigMap>("settings", Namespace, Timeout()))!;
        Assert.Equal("b", stored.Data!["mode"]);
        Assert.True(stored.Metadata.AdditionalProperties?.ContainsKey(ManagedFields.FieldName));
        await TestWait.UntilAsync("the update to reach the cache", () => stripping.Cache.Get(Namespace, "settings")?.Data?["mode"] == "b", Wait);
        Assert.False(stripping.Cache.Get(Namespace, "settings")!.Metadata.AdditionalProperties?.ContainsKey(ManagedFields.FieldName) == true);
    }

    [Fact]
    public async Task Informer_LabelSelector_CachesOnlyMatchesAndRelabelLeavesAsDelete()
    {
        using var client = new KubernetesClient(Plane.AdminConfiguration, OperatorTestJsonContext.Default);
        var web = new Dictionary<string, string> { ["app"] = "web" };
        await client.CreateAsync(Sprocket.Named("web-1", Namespace, labels: web), cancellationToken: Timeout());
        await client.CreateAsync(Sprocket.Named("db-1", Namespace, labels: new Dictionary<string, string> { ["app"] = "db" }), cancellationToken: Timeout());
        await using var informer = new SharedInformer<Sprocket>(client, new SharedInformerOptions { Namespace = Namespace, LabelSelector = "app=web" });
        var handler = new RecordingHandler<Sprocket>();
        informer.AddEventHandler(handler);
        informer.Start();
        await informer.WaitForCacheSyncAsync(Timeout());

        Assert.Equal(["web-1"], informer.Cache.List(Namespace).Select(s => s.Metadata.Name));
        Assert.Null(informer.Cache.Get(Namespace, "db-1"));

        var moved = (await client.GetAsync<Sprocket>("web-1", Namespace, Timeout()))!;
        moved.Metadata.Labels = new Dictionary<string, string> { ["app"] = "db" };
        await client.UpdateAsync(moved, cancellationToken: Timeout());
        await TestWait.UntilAsync("web-1 to leave the cache", () => informer.Cache.Count == 0, Wait);

        Assert.Equal(["add web-1", "delete web-1"], handler.Seen);
    }

    [Fact]
    public async Task Informer_ServerEndsEveryWatchQuickly_ResumesAndMissesNoChange()
    {
        using var client = new KubernetesClient(Plane.AdminConfiguration, OperatorTestJsonContext.Default);
        await using var informer = new SharedInformer<Sprocket>(
            client, new SharedInformerOptions { Namespace = Namespace, WatchTimeoutSeconds = 1 });
        var handler = new RecordingHandler<Sprocket>();
        informer.AddEventHandler(handler);
        informer.Start();
        await informer.WaitForCacheSyncAsync(Timeout());

        // Each pause outlives the 1 s watch, so every change lands on a resumed watch; the long pause usually also lets
        // the API server compact (every 5 s, one interval behind) past the last seen resourceVersion: the 410 re-list.
        var pauses = new[] { 1.5, 1.5, 12, 1.5 };
        var expected = new List<string>();
        for (var i = 0; i < pauses.Length; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(pauses[i]));
            await client.CreateAsync(Sprocket.Named($"s{i}", Namespace, size: i), cancellationToken: Timeout());
            expected.Add($"add s{i}");
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var s0 = (await client.GetAsync<Sprocket>("s0", Namespace, Timeout()))!;
        s0.Spec.Size = 42;
        await client.UpdateAsync(s0, cancellationToken: Timeout());
        expected.Add("update s0");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await client.DeleteAsync<Sprocket>("s1", Namespace, cancellationToken: Timeout());
        expected.Add("delete s1");

        await TestWait.UntilAsync("every change to reach the informer", () => handler.Seen.Count >= expected.Count, Wait);
        Assert.Equal(expected, handler.Seen.Select(NameOnly));
        Assert.Equal(42, informer.Cache.Get(Namespace, "s0")!.Spec.Size);
        Assert.Equal(["s0", "s2", "s3"], informer.Cache.List(Namespace).Select(s => s.Metadata.Name!).Order());
    }

    [Fact]
    public async Task Informer_RestartedAfterChangesWhileStopped_RelistDeliversMissedDeleteAndAdd()
    {
        using var client = new KubernetesClient(Plane.AdminConfiguration, OperatorTestJsonContext.Default);
        await client.CreateAsync(Sprocket.Named("stays", Namespace), cancellationToken: Timeout());
        await client.CreateAsync(Sprocket.Named("goes", Namespace), cancellationToken: Timeout());
        await using var informer = new SharedInformer<Sprocket>(client, new SharedInformerOptions { Namespace = Namespace });
        var handler = new RecordingHandler<Sprocket>();
        informer.AddEventHandler(handler);
        informer.Start();
        await informer.WaitForCacheSyncAsync(Timeout());

        await informer.StopAsync();
        await client.DeleteAsync<Sprocket>("goes", Namespace, cancellationToken: Timeout());
        await client.CreateAsync(Sprocket.Named("arrives", Namespace), cancellationToken: Timeout());
        Assert.NotNull(informer.Cache.Get(Namespace, "goes"));
        informer.Start();

        await TestWait.UntilAsync("the re-list to be applied", () => informer.Cache.Get(Namespace, "arrives") is not null, Wait);
        Assert.Equal(["add goes", "add stays", "add arrives", "delete goes"], [.. handler.Seen.Take(2).Order(), .. handler.Seen.Skip(2)]);
        Assert.Null(informer.Cache.Get(Namespace, "goes"));
    }

    [Fact]
    public async Task Factory_SameKindNamespaceAndSelector_SharesOneInformer()
    {
        using var client = new KubernetesClient(Plane.AdminConfiguration, TestJsonContext.Default);
        await using var factory = new SharedInformerFactory(client);
        var first = factory.GetInformer<Widget>(Namespace);
        var again = factory.GetInformer<Widget>(Namespace);
        var labelled = factory.GetInformer<Widget>(Namespace, "app=web");
        await Client.CreateAsync(Widget.Named("w", Namespace), cancellationToken: Timeout());

        factory.Start();
        var late = factory.GetInformer<V1ConfigMap>(Namespace);
        await factory.WaitForCacheSyncAsync(Timeout());

        Assert.Same(first, again);
        Assert.NotSame(first, labelled);
        Assert.Equal(3, factory.Informers.Count);
        Assert.True(late.HasSynced);
        Assert.NotNull(first.Cache.Get(Namespace, "w"));
        Assert.Null(labelled.Cache.Get(Namespace, "w"));
    }

    private static string NameOnly(string seen) => string.Join(' ', seen.Split(' ').Take(2));
}
