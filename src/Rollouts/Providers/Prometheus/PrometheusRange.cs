namespace Tollgate.Rollouts.Providers.Prometheus;

/// <summary>The evaluated start, end and step of a range query.</summary>
public sealed record PrometheusRange(DateTimeOffset Start, DateTimeOffset End, TimeSpan Step);
