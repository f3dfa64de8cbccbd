namespace Tollgate.Rollouts.Strategy;

/// <summary>Point subset-level routes (Istio DestinationRule subsets) at the canary and stable pod-template-hashes.</summary>
public sealed record UpdateRouteHashes(string CanaryHash, string StableHash) : RolloutIntent;
