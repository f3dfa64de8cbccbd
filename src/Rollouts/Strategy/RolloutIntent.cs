namespace Tollgate.Rollouts.Strategy;

/// <summary>A write the state machine asks the edge to make; the edge makes them in order.</summary>
public abstract record RolloutIntent;
