namespace Tollgate.Webhooks.Tracking;

/// <summary>An object's claim to be managed by an Application, and where the claim was read.</summary>
public sealed record TrackingClaim(ApplicationName Application, TrackingSource Source, string Value);
