using Tollgate.Rollouts.TrafficRouting.GatewayApi;
using Tollgate.Rollouts.TrafficRouting.Istio;
using Tollgate.Rollouts.TrafficRouting.Nginx;
using Tollgate.Rollouts.TrafficRouting.Smi;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>The routers a Rollout's spec.strategy.canary.trafficRouting names, in Argo's order (Istio, NGINX, SMI, plugins).</summary>
public static class TrafficRouters
{
    /// <remarks>The spec has passed the shared validator, which refuses every router not built here.</remarks>
    public static IReadOnlyList<ITrafficRouter> For(RouterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var routing = context.Rollout.Spec.Strategy?.Canary?.TrafficRouting;
        var routers = new List<ITrafficRouter>();
        if (routing?.Istio is { } istio)
        {
            routers.Add(new IstioRouter(context, istio));
        }

        if (routing?.Nginx is { } nginx)
        {
            routers.Add(new NginxRouter(context, nginx));
        }

        if (routing?.Smi is { } smi)
        {
            routers.Add(new SmiRouter(context, smi));
        }

        if (routing?.Plugins?.TryGetValue(GatewayApiTrafficRouting.PluginName, out var gateway) == true)
        {
            routers.Add(new GatewayApiRouter(context, GatewayApiTrafficRouting.Parse(gateway)));
        }

        return routers;
    }
}
