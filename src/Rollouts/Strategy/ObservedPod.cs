namespace Tollgate.Rollouts.Strategy;

/// <summary>A pod of the rollout, read only while a restart (spec.restartAt) is pending.</summary>
/// <param name="Name">metadata.name.</param>
/// <param name="Created">metadata.creationTimestamp.</param>
/// <param name="Deleting">metadata.deletionTimestamp is set: it no longer counts as available.</param>
/// <param name="Available">Ready for at least minReadySeconds.</param>
public sealed record ObservedPod(string Name, DateTimeOffset Created, bool Deleting, bool Available);
