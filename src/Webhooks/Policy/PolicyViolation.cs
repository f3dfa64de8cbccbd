namespace Tollgate.Webhooks.Policy;

/// <summary>One way an object breaks its project's limits: the offending field (for example <c>spec.sources[1].repoURL</c>) and why.</summary>
public sealed record PolicyViolation(string Field, string Message);
