using Tollgate.Shared.Entities.Rollouts.TrafficRouting;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Rollouts.TrafficRouting.GatewayApi;

/// <summary>
/// Gateway API, configured as the argoproj-labs/gatewayAPI plugin is: the weights of the canary and stable backendRefs
/// of each named HTTPRoute. The plugin rewrites the whole route; Tollgate patches the weights only.
/// </summary>
public sealed class GatewayApiRouter(RouterContext context, GatewayApiTrafficRouting config) : IHeaderRouter
{
    public static readonly ResourceDescriptor HttpRoutes = new("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true);

    public string Type => GatewayApiTrafficRouting.PluginName;

    public async Task SetWeightAsync(int weight, CancellationToken cancellationToken)
    {
        var routes = context.Client.Resource(HttpRoutes);
        var @namespace = config.Namespace is { Length: > 0 } set ? set : context.Namespace;
        foreach (var name in config.HttpRouteNames())
        {
            var route = await routes.GetAsync(name, @namespace, cancellationToken)
                ?? throw new TrafficRoutingException($"httproutes.gateway.networking.k8s.io \"{name}\" not found");
            var operations = HttpRouteWeights.Patch(route, config, [.. ManagedNames()], context.StableService, context.CanaryService, weight);
            if (operations.Count > 0)
            {
                await routes.PatchAsync(name, @namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            }
        }
    }

    /// <remarks>Only routes listed with useHeaderRoutes (httpRoute always is), as the plugin does.</remarks>
    public Task SetHeaderRouteAsync(SetHeaderRoute route, CancellationToken cancellationToken) =>
        PatchRulesAsync(
            config.HeaderRouteNames(),
            current => HttpRouteHeaderRules.SetPatch(current, route, ManagedNames(), context.StableService, context.CanaryService),
            cancellationToken);

    public Task RemoveManagedRoutesAsync(CancellationToken cancellationToken) =>
        PatchRulesAsync(config.HttpRouteNames(), current => HttpRouteHeaderRules.RemovePatch(current, ManagedNames()), cancellationToken);

    private IEnumerable<string> ManagedNames() =>
        (context.Rollout.Spec.Strategy?.Canary?.TrafficRouting?.ManagedRoutes ?? []).Select(r => r.Name ?? "");

    private async Task PatchRulesAsync(IEnumerable<string> names, Func<System.Text.Json.Nodes.JsonObject, System.Text.Json.Nodes.JsonArray> patch, CancellationToken cancellationToken)
    {
        var routes = context.Client.Resource(HttpRoutes);
        var @namespace = config.Namespace is { Length: > 0 } set ? set : context.Namespace;
        foreach (var name in names)
        {
            var route = await routes.GetAsync(name, @namespace, cancellationToken)
                ?? throw new TrafficRoutingException($"httproutes.gateway.networking.k8s.io \"{name}\" not found");
            var operations = patch(route);
            if (operations.Count > 0)
            {
                await routes.PatchAsync(name, @namespace, KubernetesPatch.Json(operations), cancellationToken: cancellationToken);
            }
        }
    }
}
