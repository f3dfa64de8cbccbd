namespace Tollgate.Rollouts.Providers;

/// <summary>A provider's result as the conditions see it and as the measurement shows it.</summary>
/// <param name="Value">
/// What Argo hands its evaluator: a double or a list of doubles from Prometheus; from the web provider the selected JSON
/// value as null, bool, double, string, IReadOnlyList&lt;object?&gt; or IReadOnlyDictionary&lt;string, object?&gt;.
/// </param>
/// <param name="Text">The value as Argo writes it into measurement.value, such as "[0.01]" or "{\"ok\":true}".</param>
/// <param name="Metadata">Extra measurement metadata, such as Prometheus' warnings; null when there is none.</param>
public sealed record MetricValue(object? Value, string Text, IReadOnlyDictionary<string, string>? Metadata = null);
