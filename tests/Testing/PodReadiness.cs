using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Testing;

/// <summary>
/// Stands in for the kubelet: marks the pods the ReplicaSet controller creates Running and Ready through the status
/// subresource, so that Kubernetes computes ReplicaSet availability itself. Also records the most pods ever seen.
/// Errors (an API server being restarted) are retried on the next pass.
/// </summary>
public sealed class PodReadiness : IAsyncDisposable
{
    private readonly IKubernetesClient client;
    private readonly string @namespace;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public PodReadiness(IKubernetesClient client, string @namespace)
    {
        this.client = client;
        this.@namespace = @namespace;
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    public int MaxPodsSeen { get; private set; }

    /// <summary>Pods stay unready while false (to hold a rollout in place).</summary>
    public bool Enabled { get; set; } = true;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var pods = await client.ListAsync<V1Pod>(@namespace, cancellationToken: cancellationToken);
                var live = pods.Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
                MaxPodsSeen = Math.Max(MaxPodsSeen, live.Count);
                foreach (var pod in live.Where(p => Enabled && p.Status?.Phase != "Running"))
                {
                    await MarkReadyAsync(pod, cancellationToken);
                }
            }
            catch (Exception e) when (e is KubernetesException or HttpRequestException or IOException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private async Task MarkReadyAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var conditions = new JsonArray();
        foreach (var type in (string[])["PodScheduled", "Initialized", "ContainersReady", "Ready"])
        {
            conditions.Add(new JsonObject { ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now });
        }

        var patch = new JsonObject
        {
            ["status"] = new JsonObject { ["phase"] = "Running", ["startTime"] = now, ["conditions"] = conditions, ["podIP"] = "10.0.0.1" },
        };
        try
        {
            await client.Resource<V1Pod>().PatchStatusAsync(pod.Metadata.Name!, @namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        }
        catch (KubernetesException e) when (e.IsNotFound || e.IsConflict)
        {
        }
    }
}
