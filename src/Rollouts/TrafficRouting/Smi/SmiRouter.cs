using System.Text.Json.Nodes;
using Tollgate.Rollouts.Status;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.TrafficRouting.Smi;

/// <summary>SMI (Argo's smi reconciler): a TrafficSplit the Rollout creates and owns; one it does not own is refused.</summary>
public sealed class SmiRouter(RouterContext context, SmiTrafficRouting smi) : ITrafficRouter
{
    public static readonly ResourceDescriptor TrafficSplits = new("split.smi-spec.io", "v1alpha1", "TrafficSplit", "trafficsplits", true);

    public string Type => "SMI";

    public async Task SetWeightAsync(int weight, CancellationToken cancellationToken)
    {
        var splits = context.Client.Resource(TrafficSplits);
        var name = SmiTrafficSplit.Name(context.Name, smi);
        var spec = SmiTrafficSplit.Spec(smi, context.StableService, context.CanaryService, weight);
        var current = await splits.GetAsync(name, context.Namespace, cancellationToken);

        if (current is null)
        {
            var created = new JsonObject
            {
                ["apiVersion"] = TrafficSplits.ApiVersion,
                ["kind"] = TrafficSplits.Kind,
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = context.Namespace,
                    ["ownerReferences"] = new JsonArray(OwnedObjects.OwnerReference(context.Rollout)),
                },
                ["spec"] = spec,
            };
            try
            {
                await splits.CreateAsync(created, cancellationToken: cancellationToken);
            }
            catch (KubernetesException exception) when (!exception.IsConflict)
            {
                await context.Record(new RolloutEvent(true, "TrafficSplitNotCreated", $"TrafficSplit `{name}` failed creation: {exception.Message}"), cancellationToken);
                throw new TrafficRoutingException($"TrafficSplit `{name}` failed creation: {exception.Message}", exception);
            }

            await context.Record(new RolloutEvent(false, "TrafficSplitCreated", $"TrafficSplit `{name}` created"), cancellationToken);
            return;
        }

        if (!OwnedObjects.IsControlledBy(current, context.Rollout))
        {
            throw new TrafficRoutingException($"Rollout does not own TrafficSplit `{name}`");
        }

        if (!JsonNode.DeepEquals(current["spec"], spec))
        {
            await splits.PatchAsync(name, context.Namespace, KubernetesPatch.Merge(new JsonObject { ["spec"] = spec }), cancellationToken: cancellationToken);
        }
    }
}
