namespace Tollgate.Webhooks.Tracking;

/// <summary>The few metadata values Tollgate decides on, read from a request's object or from a cached parent.</summary>
public sealed record TrackedMetadata(string? TrackingAnnotation, string? TrackingLabel, string? BreakGlass)
{
    public static TrackedMetadata Empty { get; } = new(null, null, null);
}
