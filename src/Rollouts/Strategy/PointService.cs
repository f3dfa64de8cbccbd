namespace Tollgate.Rollouts.Strategy;

/// <summary>Set the rollouts-pod-template-hash of a Service's selector; nothing else of the Service changes.</summary>
public sealed record PointService(string ServiceName, string PodHash) : RolloutIntent;
