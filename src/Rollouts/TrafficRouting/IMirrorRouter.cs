using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>A router that also mirrors matching requests to the canary (setMirrorRoute) under a managed route's name.</summary>
public interface IMirrorRouter : IManagedRouter
{
    /// <summary>Sets the managed mirror route; a route without match removes it, as Argo's Istio router does.</summary>
    Task SetMirrorRouteAsync(SetMirrorRoute route, CancellationToken cancellationToken);
}
