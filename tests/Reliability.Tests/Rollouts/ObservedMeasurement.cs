namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>A measurement as <see cref="RolloutObserver"/> last saw it.</summary>
public sealed record ObservedMeasurement(string Run, string Metric, string Phase, string? Message, string? Value, DateTimeOffset? StartedAt);
