using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Strategy;

/// <summary>Set a setHeaderRoute step's managed route through every router that takes header routes.</summary>
public sealed record RouteHeaders(SetHeaderRoute Route) : RolloutIntent;
