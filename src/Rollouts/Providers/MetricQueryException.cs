namespace Tollgate.Rollouts.Providers;

/// <summary>A measurement that produced no result: it is an Error, never a pass.</summary>
public sealed class MetricQueryException(string message, Exception? innerException = null) : Exception(message, innerException);
