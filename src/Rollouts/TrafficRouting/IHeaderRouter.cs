using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>A router that also routes by header (setHeaderRoute) under the names of trafficRouting.managedRoutes.</summary>
public interface IHeaderRouter : ITrafficRouter
{
    /// <summary>Sets the managed route; a route without matches removes the managed routes, as Argo's plugin does.</summary>
    Task SetHeaderRouteAsync(SetHeaderRoute route, CancellationToken cancellationToken);

    /// <summary>Removes every managed route (at promotion, abort, and while the canary has no available pod).</summary>
    Task RemoveManagedRoutesAsync(CancellationToken cancellationToken);
}
