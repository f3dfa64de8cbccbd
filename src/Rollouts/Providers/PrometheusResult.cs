namespace Tollgate.Rollouts.Providers;

/// <summary>A query result as the conditions see it (a double, or a list of doubles) and as status shows it.</summary>
/// <param name="Value">A double for a scalar; an array of doubles for a vector or matrix.</param>
/// <param name="Text">The value as Argo writes it into a measurement, such as "[0.01]" or "0.5".</param>
public sealed record PrometheusResult(object Value, string Text);
