using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Status;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.TrafficRouting.Istio;

/// <summary>
/// Istio (Argo's istio reconciler): the weights of the stable and canary destinations (by Service, or by DestinationRule
/// subset) in the named HTTP routes of each VirtualService, and the header and mirror routes of managedRoutes.
/// Argo updates whole objects; Tollgate patches.
/// </summary>
public sealed class IstioRouter(RouterContext context, IstioTrafficRouting istio) : ISubsetRouter, IHeaderRouter, IMirrorRouter
{
    public static readonly ResourceDescriptor VirtualServices = new("networking.istio.io", "v1alpha3", "VirtualService", "virtualservices", true);

    public static readonly ResourceDescriptor DestinationRules = new("networking.istio.io", "v1alpha3", "DestinationRule", "destinationrules", true);

    public string Type => "Istio";

    private IReadOnlyList<IstioVirtualService> Configured => istio.VirtualServices is { Count: > 0 } several ? [.. several] : [istio.VirtualService!];

    private IReadOnlyList<string> ManagedNames =>
        [.. (context.Rollout.Spec.Strategy?.Canary?.TrafficRouting?.ManagedRoutes ?? []).Select(r => r.Name ?? "")];

    public async Task SetWeightAsync(int weight, CancellationToken cancellationToken)
    {
        var client = context.Client.Resource(VirtualServices);
        var managed = ManagedNames;
        foreach (var service in Configured)
        {
            var (@namespace, name, current) = await GetVirtualServiceAsync(service, cancellationToken);
            var operations = VirtualServiceWeights.Patch(
                current, service.Routes?.ToList(), context.StableService, context.CanaryService, weight,
                istio.DestinationRule is { } rule ? (rule.CanarySubsetName!, rule.StableSubsetName!) : null, managed);
            if (operations.Count == 0)
            {
                continue;
            }

            var patched = await client.PatchAsync(name, @namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            // Argo orders the managed routes whenever it writes the weights.
            if (VirtualServiceManagedRoutes.OrderPatch(patched, managed) is { Count: > 0 } order)
            {
                await client.PatchAsync(name, @namespace, KubernetesPatch.Json(order), cancellationToken: cancellationToken);
            }

            await context.Record(new RolloutEvent(false, "Updated VirtualService", $"VirtualService `{name}` set to desiredWeight '{weight.ToString(CultureInfo.InvariantCulture)}'"), cancellationToken);
        }
    }

    /// <summary>Argo's SetHeaderRoute: in each VirtualService, a route sending the matching requests to the canary.</summary>
    public async Task SetHeaderRouteAsync(SetHeaderRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var (host, subset) = await CanaryDestinationAsync(cancellationToken);
        await SetRouteAsync(
            route.Name ?? "",
            (service, current) => route.Match is null ? null : VirtualServiceManagedRoutes.HeaderRoute(current, route, service.Routes?.ToList(), ManagedNames, host, subset),
            name => $"VirtualService `{name}` set headerRoute '{route.Name}'",
            cancellationToken);
    }

    /// <summary>Argo's SetMirrorRoute: in each VirtualService, a route that weighs as SetWeight does and mirrors to the canary.</summary>
    public async Task SetMirrorRouteAsync(SetMirrorRoute route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        var (host, subset) = await CanaryDestinationAsync(cancellationToken);
        await SetRouteAsync(
            route.Name ?? "",
            (service, current) => route.Match is null ? null : VirtualServiceManagedRoutes.MirrorRoute(current, route, service.Routes?.ToList(), ManagedNames, host, subset),
            name => $"VirtualService `{name}` set mirrorRoute '{route.Name}'",
            cancellationToken);
    }

    /// <summary>
    /// Argo's RemoveManagedRoutes: the routes of every setHeaderRoute and setMirrorRoute step and of managedRoutes go;
    /// a VirtualService that is gone has none.
    /// </summary>
    public async Task RemoveManagedRoutesAsync(CancellationToken cancellationToken)
    {
        var steps = context.Rollout.Spec.Strategy?.Canary?.Steps ?? [];
        var names = steps.Select(s => s.SetHeaderRoute?.Name).Concat(steps.Select(s => s.SetMirrorRoute?.Name))
            .Concat(ManagedNames).OfType<string>().Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var client = context.Client.Resource(VirtualServices);
        foreach (var service in Configured)
        {
            var (@namespace, name) = VirtualServiceWeights.NamespaceAndName(service.Name ?? "");
            @namespace ??= context.Namespace;
            if (await client.GetAsync(name, @namespace, cancellationToken) is not { } current)
            {
                continue;
            }

            var operations = VirtualServiceManagedRoutes.RemovePatch(current, names);
            if (operations.Count > 0)
            {
                await client.PatchAsync(name, @namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
                await context.Record(new RolloutEvent(false, "Updated VirtualService", $"VirtualService `{name}` removed all managed routes."), cancellationToken);
            }
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
        var current = await GetDestinationRuleAsync(rule, cancellationToken);
        var operations = DestinationRuleSubsets.Patch(current, rule, context.Name, canaryHash, stableHash);
        if (operations.Count > 0)
        {
            await client.PatchAsync(rule.Name!, context.Namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            await context.Record(new RolloutEvent(false, "UpdatedDestinationRule", $"DestinationRule {rule.Name} subset updated ({rule.CanarySubsetName}: {canaryHash}, {rule.StableSubsetName}: {stableHash})"), cancellationToken);
        }
    }

    private async Task SetRouteAsync(string routeName, Func<IstioVirtualService, JsonObject, JsonObject?> build, Func<string, string> message, CancellationToken cancellationToken)
    {
        var client = context.Client.Resource(VirtualServices);
        foreach (var service in Configured)
        {
            var (@namespace, name, current) = await GetVirtualServiceAsync(service, cancellationToken);
            var operations = VirtualServiceManagedRoutes.SetPatch(current, routeName, build(service, current), ManagedNames);
            if (operations.Count == 0)
            {
                continue;
            }

            await client.PatchAsync(name, @namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            await context.Record(new RolloutEvent(false, "Updated VirtualService", message(name)), cancellationToken);
        }
    }

    private async Task<(string Namespace, string Name, JsonObject VirtualService)> GetVirtualServiceAsync(IstioVirtualService service, CancellationToken cancellationToken)
    {
        var (@namespace, name) = VirtualServiceWeights.NamespaceAndName(service.Name ?? "");
        @namespace ??= context.Namespace;
        var current = await context.Client.Resource(VirtualServices).GetAsync(name, @namespace, cancellationToken);
        if (current is null)
        {
            await context.Record(new RolloutEvent(true, "VirtualServiceNotFound", $"VirtualService `{name}` not found"), cancellationToken);
            throw new TrafficRoutingException($"virtualservices.networking.istio.io \"{name}\" not found");
        }

        return (@namespace, name, current);
    }

    private async Task<JsonObject> GetDestinationRuleAsync(IstioDestinationRule rule, CancellationToken cancellationToken)
    {
        if (await context.Client.Resource(DestinationRules).GetAsync(rule.Name!, context.Namespace, cancellationToken) is { } current)
        {
            return current;
        }

        await context.Record(new RolloutEvent(true, "DestinationRuleNotFound", $"DestinationRule `{rule.Name}` not found"), cancellationToken);
        throw new TrafficRoutingException($"destinationrules.networking.istio.io \"{rule.Name}\" not found");
    }

    /// <summary>Where header and mirror routes send: the canary Service, or the DestinationRule's host and canary subset.</summary>
    private async Task<(string Host, string? Subset)> CanaryDestinationAsync(CancellationToken cancellationToken)
    {
        if (istio.DestinationRule is not { } rule)
        {
            return (context.CanaryService, null);
        }

        var current = await GetDestinationRuleAsync(rule, cancellationToken);
        var host = current["spec"]?["host"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : context.CanaryService;
        return (host, rule.CanarySubsetName);
    }
}
