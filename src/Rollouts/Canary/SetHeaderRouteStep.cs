using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Canary;

/// <summary>setHeaderRoute: the router sends matching requests to the canary; the step completes at once, as in Argo.</summary>
public sealed record SetHeaderRouteStep(SetHeaderRoute Route) : CanaryStep;
