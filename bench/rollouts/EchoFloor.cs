using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Bench.Rollouts;

/// <summary>
/// The API's share of "template change to canary ReplicaSet": the same two hops without the controller. An in-process
/// echo, on its own client (its own connection, as a controller has), watches the Rollouts of a namespace no controller
/// serves and, for each new generation, creates a ReplicaSet at once: the patch, one watch delivery, one create and the
/// client's watch of ReplicaSets, with no queue, cache or decision in between.
/// </summary>
public sealed class EchoFloor(CancellationTokenSource stop, Task echoing) : IAsyncDisposable
{
    /// <summary>Creates <paramref name="rollouts"/> Rollouts in <paramref name="ns"/> and starts echoing their template changes.</summary>
    public static async Task<EchoFloor> StartAsync(KubernetesClient client, KubernetesClient echoClient, string ns, Func<string, int, Rollout> make, int rollouts)
    {
        for (var i = 0; i < rollouts; i++)
        {
            await client.CreateAsync(make(ns, i));
        }

        var list = await echoClient.ListAsync<Rollout>(ns);
        var echoed = list.Items.ToDictionary(r => r.Metadata.Name!, r => r.Metadata.Generation ?? 0, StringComparer.Ordinal);
        var stop = new CancellationTokenSource();
        var echoing = ResumingWatch.RunAsync<Rollout>(echoClient, ns, list.Metadata?.ResourceVersion, (eventType, rollout) =>
        {
            if (eventType == WatchEventType.Deleted)
            {
                return;
            }

            var name = rollout.Metadata.Name!;
            var generation = rollout.Metadata.Generation ?? 0;
            if (echoed.GetValueOrDefault(name) < generation)
            {
                echoed[name] = generation;
                // The watch callback is synchronous; the create is sent at once and awaited by nobody, as a worker would.
                _ = echoClient.CreateAsync(ReplicaSetFor(rollout, generation), cancellationToken: stop.Token);
            }
        }, stop.Token);
        return new EchoFloor(stop, echoing);
    }

    private static V1ReplicaSet ReplicaSetFor(Rollout rollout, long generation)
    {
        var labels = new Dictionary<string, string> { ["echo"] = $"{rollout.Metadata.Name}-{generation}" };
        return new V1ReplicaSet
        {
            Metadata = new V1ObjectMeta { Name = $"{rollout.Metadata.Name}-{generation}", Namespace = rollout.Metadata.Namespace },
            Spec = new V1ReplicaSetSpec
            {
                Replicas = 0,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = rollout.Spec.Template?.Spec,
                },
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await echoing;
        stop.Dispose();
    }
}
