namespace Tollgate.Rollouts.Strategy;

/// <summary>What <see cref="ScaleDownDeadline.Plan"/> decided for one old ReplicaSet.</summary>
/// <param name="Name">The ReplicaSet.</param>
/// <param name="Replicas">The spec.replicas it gets now.</param>
/// <param name="NewDeadline">A deadline annotation to write now (it had none); null to leave the annotation as it is.</param>
/// <param name="Remaining">How long until it is due, to look again then; null when nothing is pending.</param>
public sealed record DelayedScaleDown(string Name, int Replicas, string? NewDeadline, TimeSpan? Remaining);
