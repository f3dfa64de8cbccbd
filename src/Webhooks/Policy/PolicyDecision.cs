namespace Tollgate.Webhooks.Policy;

/// <summary>The answer to one project question, with a sentence for a human and the project entry that decided it (if any).</summary>
public sealed record PolicyDecision(bool Allowed, string Message, string? DecidingRule = null);
