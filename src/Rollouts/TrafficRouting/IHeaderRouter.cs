using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>A router that also routes by header (setHeaderRoute) under the names of trafficRouting.managedRoutes.</summary>
public interface IHeaderRouter : IManagedRouter
{
    /// <summary>Sets the managed route; without matches Istio removes that route and the Gateway API plugin every managed route, as in Argo.</summary>
    Task SetHeaderRouteAsync(SetHeaderRoute route, CancellationToken cancellationToken);
}
