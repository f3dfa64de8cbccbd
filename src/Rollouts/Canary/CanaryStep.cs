namespace Tollgate.Rollouts.Canary;

/// <summary>One entry of spec.strategy.canary.steps.</summary>
public abstract record CanaryStep;
