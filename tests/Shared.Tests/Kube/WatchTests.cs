using System.Text.Json.Nodes;
using System.Threading.Channels;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Watch;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Kube;

public sealed class WatchTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    [Fact]
    public async Task Watch_CreateUpdateDelete_SeesAddedModifiedDeletedInOrder()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // kube-controller-manager adds kube-root-ca.crt to every new namespace; watch only our object.
        var only = new ListOptions { FieldSelector = "metadata.name=w" };
        var start = await Client.ListAsync<V1ConfigMap>(Namespace, only, cts.Token);
        var events = Client.WatchAsync<V1ConfigMap>(Namespace, only with { ResourceVersion = start.Metadata.ResourceVersion }, cts.Token)
            .GetAsyncEnumerator(cts.Token);
        var first = events.MoveNextAsync();

        var created = await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "w", Namespace = Namespace } }, cancellationToken: cts.Token);
        created.Data = new Dictionary<string, string> { ["k"] = "v" };
        await Client.UpdateAsync(created, cancellationToken: cts.Token);
        await Client.DeleteAsync<V1ConfigMap>("w", Namespace, cancellationToken: cts.Token);

        var seen = new List<(WatchEventType, string?)>();
        Assert.True(await first);
        seen.Add((events.Current.Type, Value(events.Current.Object)));
        while (seen.Count < 3 && await events.MoveNextAsync())
        {
            seen.Add((events.Current.Type, Value(events.Current.Object)));
        }

        await events.DisposeAsync();
        Assert.Equal([(WatchEventType.Added, null), (WatchEventType.Modified, "v"), (WatchEventType.Deleted, "v")], seen);
    }

    [Fact]
    public async Task ListWatch_ServerEndsStream_ResumesWithoutRelistAndMissesNothing()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var labels = new Dictionary<string, string> { ["watch"] = "resume" };
        await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "before", Namespace = Namespace, Labels = labels } }, cancellationToken: cts.Token);
        var relists = 0;
        var listWatch = new ListWatch<V1ConfigMap>(Client.Resource<V1ConfigMap>())
        {
            WatchTimeoutSeconds = 1,
            OnRelist = () => Interlocked.Increment(ref relists),
        };
        var channel = Channel.CreateUnbounded<ListWatchEvent<V1ConfigMap>>();
        var pump = Task.Run(async () =>
        {
            await foreach (var e in listWatch.RunAsync(Namespace, new ListOptions { LabelSelector = "watch=resume" }, cancellationToken: cts.Token))
            {
                await channel.Writer.WriteAsync(e, cts.Token);
            }
        }, cts.Token);

        var listed = await channel.Reader.ReadAsync(cts.Token);
        Assert.Equal(ListWatchEventType.Listed, listed.Type);
        Assert.Equal("before", Assert.Single(listed.Items!).Metadata.Name);

        // Several server-side watch timeouts (1 s each) pass between these writes.
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), cts.Token);
            await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"after-{i}", Namespace = Namespace, Labels = labels } }, cancellationToken: cts.Token);
        }

        var names = new List<string>();
        while (names.Count < 3)
        {
            var e = await channel.Reader.ReadAsync(cts.Token);
            Assert.Equal(ListWatchEventType.Added, e.Type);
            names.Add(e.Object!.Metadata.Name!);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pump);
        Assert.Equal(["after-0", "after-1", "after-2"], names);
        Assert.Equal(0, relists);
    }

    [Fact]
    public async Task Watch_FromCompactedResourceVersion_ThrowsGoneAndListWatchRelists()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var templates = Client.Resource(new ResourceDescriptor("", "v1", "PodTemplate", "podtemplates", Namespaced: true));
        var old = await templates.CreateAsync(PodTemplate("old"), cancellationToken: cts.Token);
        var churn = await templates.CreateAsync(PodTemplate("churn"), cancellationToken: cts.Token);
        for (var i = 0; i < 5; i++)
        {
            churn["template"]!["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["i"] = $"v{i}" } };
            churn = await templates.UpdateAsync(churn, cancellationToken: cts.Token);
        }

        // The test API server serves PodTemplate watches straight from etcd and compacts etcd every 5 s.
        var oldVersion = old["metadata"]!["resourceVersion"]!.GetValue<string>();
        KubernetesException? gone = null;
        await TestControlPlane.WaitUntilAsync(
            "the old resourceVersion to be compacted away",
            async ct =>
            {
                try
                {
                    using var once = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    once.CancelAfter(TimeSpan.FromSeconds(2));
                    await foreach (var unused in templates.WatchAsync(Namespace, new ListOptions { ResourceVersion = oldVersion }, once.Token))
                    {
                    }
                }
                catch (KubernetesException e) when (e.IsGone)
                {
                    gone = e;
                    return true;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                }

                return false;
            },
            TimeSpan.FromSeconds(60),
            cts.Token);
        Assert.Equal(System.Net.HttpStatusCode.Gone, gone!.StatusCode);

        var relists = 0;
        var listWatch = new ListWatch<JsonObject>(templates) { OnRelist = () => Interlocked.Increment(ref relists) };
        await using var stream = listWatch.RunAsync(Namespace, resumeFrom: oldVersion, cancellationToken: cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await stream.MoveNextAsync());

        Assert.Equal(ListWatchEventType.Listed, stream.Current.Type);
        Assert.Equal(["churn", "old"], stream.Current.Items!.Select(t => t["metadata"]!["name"]!.GetValue<string>()).Order());
        Assert.Equal(1, relists);
    }

    private JsonObject PodTemplate(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "PodTemplate",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["template"] = new JsonObject
        {
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "busybox" }) },
        },
    };

    private static string? Value(V1ConfigMap map) => map.Data is { } data && data.TryGetValue("k", out var v) ? v : null;
}
