namespace Tollgate.Webhooks.Observability;

/// <summary>A break-glass use to record as a Warning Event on the object, after the answer has gone out.</summary>
public sealed record BreakGlassEvent(EventTarget Target, string Message);
