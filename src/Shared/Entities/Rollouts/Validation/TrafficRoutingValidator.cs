using System.Text.Json;
using Tollgate.Shared.Durations;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>
/// Pure: spec.strategy.canary.trafficRouting by Argo Rollouts' rules for the routers Tollgate runs (NGINX Ingress, SMI
/// TrafficSplit, Istio, the argoproj-labs/gatewayAPI plugin's HTTPRoutes); every other router or field is refused by name.
/// </summary>
internal static class TrafficRoutingValidator
{
    private const string Field = "spec.strategy.canary.trafficRouting";

    private const string Supported = "Tollgate routes with nginx, smi, istio and plugins[\"" + GatewayApiTrafficRouting.PluginName + "\"]";

    public static void Check(CanaryStrategy canary, RolloutTrafficRouting routing, List<string> errors)
    {
        var unsupported = new (string Name, JsonElement? Value)[]
        {
            ("alb", routing.Alb), ("ambassador", routing.Ambassador),
            ("appMesh", routing.AppMesh), ("traefik", routing.Traefik), ("apisix", routing.Apisix),
        };
        foreach (var (name, value) in unsupported.Where(u => RolloutSpecValidator.IsSet(u.Value)))
        {
            errors.Add($"{Field}.{name}: not supported yet; {Supported}");
        }

        foreach (var name in (routing.AdditionalProperties ?? new Dictionary<string, JsonElement>()).Keys)
        {
            errors.Add($"{Field}.{name}: unknown field; {Supported}");
        }

        var routers = (routing.Nginx is null ? 0 : 1) + (routing.Smi is null ? 0 : 1) + (routing.Istio is null ? 0 : 1) + (routing.Plugins?.Count ?? 0);
        if (routers == 0 && !unsupported.Any(u => RolloutSpecValidator.IsSet(u.Value)))
        {
            errors.Add($"{Field}: set a router; {Supported}");
        }

        // Argo requires both Services for NGINX, SMI and host-level Istio; the Gateway API plugin needs them too, as the
        // backendRefs it weighs. Subset-level Istio alone needs none.
        var subsetOnly = routing.Istio?.DestinationRule is not null && routing.Nginx is null && routing.Smi is null && routing.Plugins is not { Count: > 0 };
        if (routers > 0 && !subsetOnly)
        {
            if (string.IsNullOrEmpty(canary.StableService))
            {
                errors.Add("spec.strategy.canary.stableService: Canary service and Stable service must to be set to use Traffic Routing");
            }

            if (string.IsNullOrEmpty(canary.CanaryService))
            {
                errors.Add("spec.strategy.canary.canaryService: Canary service and Stable service must to be set to use Traffic Routing");
            }
        }

        if (routing.Nginx is { } nginx)
        {
            CheckNginx(nginx, errors);
        }

        if (routing.Istio is { } istio)
        {
            CheckIstio(istio, errors);
        }

        if (routing.Smi?.AdditionalProperties is { Count: > 0 } smiExtra)
        {
            errors.Add($"{Field}.smi.{smiExtra.Keys.First()}: unknown field; smi takes rootService and trafficSplitName");
        }

        foreach (var (name, config) in routing.Plugins ?? new Dictionary<string, JsonElement>())
        {
            if (name != GatewayApiTrafficRouting.PluginName)
            {
                errors.Add($"{Field}.plugins: {Quoted.Value(name)} is not a supported plugin; supported: {GatewayApiTrafficRouting.PluginName}");
                continue;
            }

            CheckGatewayApi(config, errors);
        }

        if (routing.MaxTrafficWeight is not null)
        {
            errors.Add($"{Field}.maxTrafficWeight: not supported yet; weights are percentages of 100");
        }

        CheckManagedRoutes(routing, errors);

        if (RolloutSpecValidator.IsSet(canary.PingPong))
        {
            errors.Add("spec.strategy.canary.pingPong: Ping-pong feature works with the ALB, Istio, and plugin-based traffic routers only; Tollgate supports it with none yet");
        }

        if (canary.MinPodsPerReplicaSet is < 1)
        {
            errors.Add($"spec.strategy.canary.minPodsPerReplicaSet: must be at least 1, not {canary.MinPodsPerReplicaSet}");
        }
    }

    /// <summary>
    /// A setHeaderRoute step by Argo's rules: a router that takes header routes (of Tollgate's, Istio and the Gateway API
    /// plugin; Argo's NGINX and SMI routers ignore them), the route named in managedRoutes, each match exactly one value.
    /// </summary>
    public static void CheckHeaderRoute(SetHeaderRoute route, RolloutTrafficRouting? routing, string field, List<string> errors)
    {
        if (routing?.Istio is null && routing?.Plugins?.ContainsKey(GatewayApiTrafficRouting.PluginName) != true)
        {
            errors.Add(routing is null || routing.Nginx is not null || routing.Smi is not null
                ? $"{field}: SetHeaderRoute requires TrafficRouting, supports Istio and ALB and Apisix"
                : $"{field}: needs a router that takes header routes; {Supported}");
            return;
        }

        CheckRouteName(route.Name, routing, field, errors);
        if (routing.Istio is not null && route.Match is { Count: 0 })
        {
            errors.Add($"{field}.match: an empty list would send every request to the canary (Argo's Istio router writes a route without match); omit match to remove the route");
        }

        for (var index = 0; index < (route.Match?.Count ?? 0); index++)
        {
            var match = route.Match![index];
            var matchField = $"{field}.match[{index}]";
            if (string.IsNullOrEmpty(match.HeaderName))
            {
                errors.Add($"{matchField}.headerName: a header name is required");
            }

            CheckStringMatch(match.HeaderValue, matchField, errors);
        }
    }

    /// <summary>
    /// A setMirrorRoute step by Argo's rules: Istio (the Gateway API plugin's SetMirrorRoute does nothing, so Tollgate
    /// refuses it there rather than accept and ignore it), the route named in managedRoutes, each method, path and
    /// header exactly one of exact, prefix or regex, a percentage of 0..100.
    /// </summary>
    public static void CheckMirrorRoute(SetMirrorRoute route, RolloutTrafficRouting? routing, string field, List<string> errors)
    {
        if (routing?.Istio is null)
        {
            errors.Add(routing?.Plugins is { Count: > 0 }
                ? $"{field}: the {GatewayApiTrafficRouting.PluginName} plugin does not mirror traffic (Argo accepts the step and does nothing); Tollgate mirrors with istio only"
                : $"{field}: SetMirrorRoute requires TrafficRouting, supports Istio and Plugins");
            return;
        }

        CheckRouteName(route.Name, routing, field, errors);
        for (var index = 0; index < (route.Match?.Count ?? 0); index++)
        {
            var match = route.Match![index];
            var matchField = $"{field}.match[{index}]";
            if (match.Method is not null)
            {
                CheckStringMatch(match.Method, matchField + ".method", errors);
            }

            if (match.Path is not null)
            {
                CheckStringMatch(match.Path, matchField + ".path", errors);
            }

            foreach (var (name, value) in match.Headers ?? new Dictionary<string, StringMatch>())
            {
                CheckStringMatch(value, $"{matchField}.headers[{Quoted.Value(name)}]", errors);
            }

            if (match.AdditionalProperties is { Count: > 0 } extra)
            {
                errors.Add($"{matchField}.{extra.Keys.First()}: unknown field; a match takes method, path and headers");
            }
        }

        if (route.Percentage is < 0 or > 100)
        {
            errors.Add($"{field}.percentage: must be within 0..100, not {route.Percentage}");
        }

        if (route.AdditionalProperties is { Count: > 0 } unknown)
        {
            errors.Add($"{field}.{unknown.Keys.First()}: unknown field; setMirrorRoute takes name, match and percentage");
        }
    }

    /// <summary>Argo's checks of a step's route: managedRoutes is set and lists the name.</summary>
    private static void CheckRouteName(string? name, RolloutTrafficRouting routing, string field, List<string> errors)
    {
        if (routing.ManagedRoutes is null)
        {
            errors.Add($"{Field}.managedRoutes: Rollout has missing field 'spec.strategy.canary.trafficRouting.managedRoutes'");
        }
        else if (!routing.ManagedRoutes.Any(r => r.Name == name))
        {
            errors.Add($"{field}.name: Steps define a route that does not exist in spec.strategy.canary.trafficRouting.managedRoutes");
        }
    }

    /// <summary>Argo's hasMultipleMatchValues: exactly one of exact, regex and prefix.</summary>
    private static void CheckStringMatch(StringMatch? match, string field, List<string> errors)
    {
        var values = new[] { match?.Exact, match?.Regex, match?.Prefix }.Count(v => !string.IsNullOrEmpty(v));
        if (values == 0)
        {
            errors.Add($"{field}: StringMatch value missed, match value must have one of the following: exact, regex, prefix");
        }
        else if (values > 1)
        {
            errors.Add($"{field}: StringMatch match value must have exactly one of the following: exact, regex, prefix");
        }
    }

    private static void CheckManagedRoutes(RolloutTrafficRouting routing, List<string> errors)
    {
        if (routing.ManagedRoutes is not { } managed)
        {
            return;
        }

        if (routing.Istio is null && routing.Plugins?.ContainsKey(GatewayApiTrafficRouting.PluginName) != true)
        {
            errors.Add($"{Field}.managedRoutes: only istio and the {GatewayApiTrafficRouting.PluginName} plugin take managed routes among Tollgate's routers (Argo's NGINX and SMI routers have none)");
            return;
        }

        var weighed = new HashSet<string>(IstioVirtualServices(routing.Istio).SelectMany(v => v.Routes ?? []), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < managed.Count; index++)
        {
            var name = managed[index].Name;
            if (string.IsNullOrEmpty(name))
            {
                errors.Add($"{Field}.managedRoutes[{index}].name: a route name is required");
            }
            else if (!seen.Add(name))
            {
                errors.Add($"{Field}.managedRoutes[{index}].name: {Quoted.Value(name)} is listed twice");
            }
            else if (weighed.Contains(name))
            {
                // Argo would delete the user's weighted route when it removes the managed routes.
                errors.Add($"{Field}.managedRoutes[{index}].name: {Quoted.Value(name)} is also a route of istio virtualService routes; managed routes are deleted at the end of a rollout");
            }
        }
    }

    private static IEnumerable<IstioVirtualService> IstioVirtualServices(IstioTrafficRouting? istio)
    {
        if (istio?.VirtualServices is { Count: > 0 } several)
        {
            return several;
        }

        return istio?.VirtualService is { } single ? [single] : [];
    }

    private static void CheckIstio(IstioTrafficRouting istio, List<string> errors)
    {
        const string field = Field + ".istio";
        var several = istio.VirtualServices is { Count: > 0 };
        if (several == (istio.VirtualService is not null))
        {
            errors.Add($"{field}: either VirtualService or VirtualServices must be configured");
        }

        if (istio.DestinationRule is { } rule)
        {
            if (string.IsNullOrEmpty(rule.Name) || string.IsNullOrEmpty(rule.CanarySubsetName) || string.IsNullOrEmpty(rule.StableSubsetName))
            {
                errors.Add($"{field}.destinationRule: name, canarySubsetName and stableSubsetName are required");
            }
            else if (rule.CanarySubsetName == rule.StableSubsetName)
            {
                errors.Add($"{field}.destinationRule.stableSubsetName: the canary and stable subsets must differ, not both {Quoted.Value(rule.StableSubsetName)}");
            }

            if (rule.AdditionalSubsetNames is { Count: > 0 })
            {
                errors.Add($"{field}.destinationRule.additionalSubsetNames: not supported yet");
            }

            if (rule.AdditionalProperties is { Count: > 0 } extra)
            {
                errors.Add($"{field}.destinationRule.{extra.Keys.First()}: unknown field; a destinationRule takes name, canarySubsetName and stableSubsetName");
            }
        }

        foreach (var name in (istio.AdditionalProperties ?? new Dictionary<string, JsonElement>()).Keys)
        {
            errors.Add($"{field}.{name}: unknown field; istio takes virtualService or virtualServices");
        }

        var services = several ? istio.VirtualServices! : istio.VirtualService is { } single ? [single] : [];
        for (var index = 0; index < services.Count; index++)
        {
            var service = services[index];
            var serviceField = several ? $"{field}.virtualServices[{index}]" : $"{field}.virtualService";
            if (string.IsNullOrEmpty(service.Name))
            {
                errors.Add($"{serviceField}.name: a VirtualService name is required");
            }

            if (RolloutSpecValidator.IsSet(service.TlsRoutes) || RolloutSpecValidator.IsSet(service.TcpRoutes))
            {
                errors.Add($"{serviceField}: tlsRoutes and tcpRoutes are not supported yet; Tollgate weighs HTTP routes");
            }

            if (service.Routes?.Any(string.IsNullOrEmpty) == true)
            {
                errors.Add($"{serviceField}.routes: a route name is empty");
            }

            if (service.AdditionalProperties is { Count: > 0 } extra)
            {
                errors.Add($"{serviceField}.{extra.Keys.First()}: unknown field; a virtualService takes name and routes");
            }
        }
    }

    private static void CheckNginx(NginxTrafficRouting nginx, List<string> errors)
    {
        var single = !string.IsNullOrEmpty(nginx.StableIngress);
        var several = nginx.StableIngresses is { Count: > 0 };
        if (!single && !several)
        {
            errors.Add($"{Field}.nginx.stableIngress: set stableIngress or stableIngresses");
        }
        else if (single && several)
        {
            // Argo would take stableIngresses and ignore stableIngress.
            errors.Add($"{Field}.nginx.stableIngresses: set stableIngress or stableIngresses, not both");
        }

        if (nginx.StableIngresses?.Any(string.IsNullOrEmpty) == true)
        {
            errors.Add($"{Field}.nginx.stableIngresses: an Ingress name is empty");
        }

        if (nginx.AdditionalProperties is { Count: > 0 } extra)
        {
            errors.Add($"{Field}.nginx.{extra.Keys.First()}: unknown field; nginx takes annotationPrefix, stableIngress(es), additionalIngressAnnotations and canaryIngressAnnotations");
        }
    }

    private static void CheckGatewayApi(JsonElement config, List<string> errors)
    {
        var field = $"{Field}.plugins[\"{GatewayApiTrafficRouting.PluginName}\"]";
        GatewayApiTrafficRouting gateway;
        try
        {
            gateway = GatewayApiTrafficRouting.Parse(config);
        }
        catch (JsonException exception)
        {
            errors.Add($"{field}: not the plugin's configuration: {exception.Message}");
            return;
        }

        foreach (var name in (gateway.AdditionalProperties ?? new Dictionary<string, JsonElement>()).Keys)
        {
            errors.Add($"{field}.{name}: not supported yet; Tollgate weighs HTTPRoutes (httpRoute, httpRoutes, namespace, the in-progress label)");
        }

        var names = gateway.HttpRouteNames();
        if (names.Count == 0)
        {
            errors.Add($"{field}: set httpRoute or httpRoutes");
        }

        if (names.Any(string.IsNullOrEmpty))
        {
            errors.Add($"{field}.httpRoutes: every route needs a name");
        }

        if (gateway.HttpRoutes?.Any(r => r.AdditionalProperties is { Count: > 0 }) == true)
        {
            errors.Add($"{field}.httpRoutes: a route takes name and useHeaderRoutes only");
        }
    }
}
