namespace Tollgate.Webhooks.Policy;

/// <summary>Why the project's sync windows refuse a sync now, and the window to blame (for the message and the metric).</summary>
public sealed record SyncWindowBlock(SyncWindow Window, string Message);
