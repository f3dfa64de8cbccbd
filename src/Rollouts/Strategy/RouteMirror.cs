using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Strategy;

/// <summary>Set a setMirrorRoute step's managed route through every router that mirrors.</summary>
public sealed record RouteMirror(SetMirrorRoute Route) : RolloutIntent;
