using System.Globalization;
using Tollgate.Rollouts.Status;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.TrafficRouting.Istio;

/// <summary>
/// Istio (Argo's istio reconciler): the weights of the stable and canary destinations (by Service, or by DestinationRule
/// subset) in the named HTTP routes of each VirtualService. Argo updates whole objects; Tollgate patches.
/// </summary>
public sealed class IstioRouter(RouterContext context, IstioTrafficRouting istio) : ISubsetRouter
{
    public static readonly ResourceDescriptor VirtualServices = new("networking.istio.io", "v1alpha3", "VirtualService", "virtualservices", true);

    public static readonly ResourceDescriptor DestinationRules = new("networking.istio.io", "v1alpha3", "DestinationRule", "destinationrules", true);

    public string Type => "Istio";

    public async Task SetWeightAsync(int weight, CancellationToken cancellationToken)
    {
        var client = context.Client.Resource(VirtualServices);
        var configured = istio.VirtualServices is { Count: > 0 } several ? several : [istio.VirtualService!];
        foreach (var service in configured)
        {
            var (@namespace, name) = VirtualServiceWeights.NamespaceAndName(service.Name ?? "");
            @namespace ??= context.Namespace;
            var current = await client.GetAsync(name, @namespace, cancellationToken);
            if (current is null)
            {
                await context.Record(new RolloutEvent(true, "VirtualServiceNotFound", $"VirtualService `{name}` not found"), cancellationToken);
                throw new TrafficRoutingException($"virtualservices.networking.istio.io \"{name}\" not found");
            }

            var operations = VirtualServiceWeights.Patch(
                current, service.Routes?.ToList(), context.StableService, context.CanaryService, weight,
                istio.DestinationRule is { } rule ? (rule.CanarySubsetName!, rule.StableSubsetName!) : null);
            if (operations.Count == 0)
            {
                continue;
            }

            await client.PatchAsync(name, @namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            await context.Record(new RolloutEvent(false, "Updated VirtualService", $"VirtualService `{name}` set to desiredWeight '{weight.ToString(CultureInfo.InvariantCulture)}'"), cancellationToken);
        }
    }

    /// <summary>Subset-level: the DestinationRule's subsets follow the ReplicaSets (Argo's UpdateHash); host-level: nothing.</summary>
    public async Task UpdateHashAsync(string canaryHash, string stableHash, CancellationToken cancellationToken)
    {
        if (istio.DestinationRule is not { } rule)
        {
            return;
        }

        var client = context.Client.Resource(DestinationRules);
        var current = await client.GetAsync(rule.Name!, context.Namespace, cancellationToken)
            ?? throw new TrafficRoutingException($"destinationrules.networking.istio.io \"{rule.Name}\" not found");
        var operations = DestinationRuleSubsets.Patch(current, rule, context.Name, canaryHash, stableHash);
        if (operations.Count > 0)
        {
            await client.PatchAsync(rule.Name!, context.Namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            await context.Record(new RolloutEvent(false, "UpdatedDestinationRule", $"DestinationRule {rule.Name} subset updated ({rule.CanarySubsetName}: {canaryHash}, {rule.StableSubsetName}: {stableHash})"), cancellationToken);
        }
    }
}
