namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>A router that writes routes under the names of trafficRouting.managedRoutes (setHeaderRoute, setMirrorRoute).</summary>
public interface IManagedRouter : ITrafficRouter
{
    /// <summary>Removes every managed route (at promotion, abort, and while the canary has no available pod).</summary>
    Task RemoveManagedRoutesAsync(CancellationToken cancellationToken);
}
