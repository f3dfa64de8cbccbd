namespace Tollgate.Webhooks.Policy;

/// <summary>
/// An RBAC answer. <see cref="DecidingRule"/> is the allow rule that granted access or the deny rule that refused it, and
/// <see cref="DecidingSubject"/> the subject it was evaluated for (the user, one of their groups, or the default role);
/// both are null when no rule matched at all.
/// </summary>
public sealed record RbacDecision(bool Allowed, string Message, RbacPermission? DecidingRule, string? DecidingSubject);
