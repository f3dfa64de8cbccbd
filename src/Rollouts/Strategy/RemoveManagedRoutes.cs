namespace Tollgate.Rollouts.Strategy;

/// <summary>Remove every route named in trafficRouting.managedRoutes from the routers that hold them.</summary>
public sealed record RemoveManagedRoutes : RolloutIntent;
