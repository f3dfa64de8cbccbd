using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Status;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.TrafficRouting.Nginx;

/// <summary>
/// NGINX Ingress (Argo's nginx reconciler): per stable Ingress, a canary Ingress the Rollout owns carries the weight in
/// its canary-weight annotation. The stable Ingress is only read.
/// </summary>
public sealed class NginxRouter(RouterContext context, NginxTrafficRouting nginx) : ITrafficRouter
{
    public static readonly ResourceDescriptor Ingresses = new("networking.k8s.io", "v1", "Ingress", "ingresses", true);

    public string Type => "Nginx";

    public async Task SetWeightAsync(int weight, CancellationToken cancellationToken)
    {
        var ingresses = context.Client.Resource(Ingresses);
        var stableNames = nginx.StableIngresses is { Count: > 0 } several ? several : [nginx.StableIngress ?? ""];
        foreach (var stableName in stableNames)
        {
            var stable = await ingresses.GetAsync(stableName, context.Namespace, cancellationToken)
                ?? throw new TrafficRoutingException($"ingress `{stableName}` not found");
            var canaryName = NginxCanaryIngress.Name(context.Name, stableName);
            var (annotations, spec) = NginxCanaryIngress.Desired(stable, stableName, nginx, context.StableService, context.CanaryService, weight);
            var current = await ingresses.GetAsync(canaryName, context.Namespace, cancellationToken);
            if (current is null)
            {
                await context.Record(new RolloutEvent(false, "CreatingCanaryIngress", $"Creating canary ingress `{canaryName}` with weight `{weight.ToString(CultureInfo.InvariantCulture)}`"), cancellationToken);
                var created = new JsonObject
                {
                    ["apiVersion"] = Ingresses.ApiVersion,
                    ["kind"] = Ingresses.Kind,
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = canaryName,
                        ["namespace"] = context.Namespace,
                        ["annotations"] = annotations,
                        ["ownerReferences"] = new JsonArray(OwnedObjects.OwnerReference(context.Rollout)),
                    },
                    ["spec"] = spec,
                };
                try
                {
                    await ingresses.CreateAsync(created, cancellationToken: cancellationToken);
                    continue;
                }
                catch (KubernetesException exception) when (exception.IsAlreadyExists)
                {
                    current = await ingresses.GetAsync(canaryName, context.Namespace, cancellationToken)
                        ?? throw new TrafficRoutingException($"canary ingress `{canaryName}` disappeared while being created");
                }
            }

            if (!OwnedObjects.IsControlledBy(current, context.Rollout))
            {
                throw new TrafficRoutingException($"canary ingress `{canaryName}` controlled by different object");
            }

            if (NginxCanaryIngress.Patch(current, annotations, spec) is { } patch)
            {
                await context.Record(new RolloutEvent(false, "PatchingCanaryIngress", $"Updating Ingress `{canaryName}` to desiredWeight '{weight.ToString(CultureInfo.InvariantCulture)}'"), cancellationToken);
                await ingresses.PatchAsync(canaryName, context.Namespace, KubernetesPatch.Merge(patch), cancellationToken: cancellationToken);
            }
        }
    }
}
