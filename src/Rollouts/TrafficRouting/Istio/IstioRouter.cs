using System.Globalization;
using Tollgate.Rollouts.Status;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.TrafficRouting.Istio;

/// <summary>
/// Istio, host-level (Argo's istio reconciler without a DestinationRule): the weights of the stable and canary Services'
/// destinations in the named HTTP routes of each VirtualService. Argo updates the whole VirtualService; Tollgate patches.
/// </summary>
public sealed class IstioRouter(RouterContext context, IstioTrafficRouting istio) : ITrafficRouter
{
    public static readonly ResourceDescriptor VirtualServices = new("networking.istio.io", "v1alpha3", "VirtualService", "virtualservices", true);

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

            var operations = VirtualServiceWeights.Patch(current, service.Routes?.ToList(), context.StableService, context.CanaryService, weight);
            if (operations.Count == 0)
            {
                continue;
            }

            await client.PatchAsync(name, @namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            await context.Record(new RolloutEvent(false, "Updated VirtualService", $"VirtualService `{name}` set to desiredWeight '{weight.ToString(CultureInfo.InvariantCulture)}'"), cancellationToken);
        }
    }
}
