namespace Tollgate.Webhooks.Decisions;

/// <summary>A rule's refusal before bypasses are considered: the metric reason and the message for the caller.</summary>
public sealed record Denial(string Reason, string Message);
