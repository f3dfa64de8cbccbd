using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Canary;

/// <summary>setMirrorRoute: the router mirrors matching requests to the canary; the step completes at once, as in Argo.</summary>
public sealed record SetMirrorRouteStep(SetMirrorRoute Route) : CanaryStep;
