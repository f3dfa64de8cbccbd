using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.LocalRun;

/// <summary>
/// SIMULATION: the embedded cluster has no kubelet, so this marks every pod Running and Ready through the status
/// subresource; the ReplicaSet controller then computes availability itself and rollouts can progress.
/// </summary>
public sealed class PodReadinessSimulator(IKubernetesClient client, Action<string> log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        log("pod readiness SIMULATION on: pods are marked Running/Ready because the embedded cluster has no kubelet");
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var pods = await client.ListAsync<V1Pod>(cancellationToken: cancellationToken);
                foreach (var pod in pods.Items.Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Phase != "Running"))
                {
                    await MarkReadyAsync(pod, cancellationToken);
                }

                // Without a kubelet nobody finishes graceful deletion; do what the kubelet would once containers stop.
                foreach (var pod in pods.Items.Where(p => p.Metadata.DeletionTimestamp is not null))
                {
                    await client.DeleteAsync<V1Pod>(pod.Metadata.Name!, pod.Metadata.Namespace, new DeleteOptions { GracePeriodSeconds = 0 }, cancellationToken);
                }
            }
            catch (KubernetesException e)
            {
                log($"pod readiness simulation: {e.Message}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private async Task MarkReadyAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var conditions = new JsonArray();
        foreach (var type in (string[])["PodScheduled", "Initialized", "ContainersReady", "Ready"])
        {
            conditions.Add(new JsonObject { ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now });
        }

        var patch = new JsonObject
        {
            ["status"] = new JsonObject { ["phase"] = "Running", ["startTime"] = now, ["conditions"] = conditions, ["podIP"] = "10.0.0.2" },
        };
        try
        {
            await client.Resource<V1Pod>().PatchStatusAsync(pod.Metadata.Name!, pod.Metadata.Namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
        }
        catch (KubernetesException e) when (e.IsNotFound || e.IsConflict)
        {
        }
    }
}
