namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Write the <see cref="ScaleDownDeadline.Annotation"/> of a ReplicaSet to <paramref name="Deadline"/>, or remove it
/// when null; nothing else of the ReplicaSet changes.
/// </summary>
public sealed record SetScaleDownDeadline(string Name, string? Deadline) : RolloutIntent;
