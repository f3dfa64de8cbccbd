namespace Tollgate.Rollouts.Providers;

/// <summary>A query that produced no result: the measurement is an Error, never a pass.</summary>
public sealed class PrometheusQueryException(string message, Exception? innerException = null) : Exception(message, innerException);
