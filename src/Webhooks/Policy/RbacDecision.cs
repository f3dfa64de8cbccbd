namespace Tollgate.Webhooks.Policy;

/// <summary>
/// An RBAC answer. <see cref="DecidingRule"/> is the allow rule that granted access or the deny rule that refused it, and
/// <see cref="DecidingSubject"/> the subject it was evaluated for (the user, one of their groups, or the default role);
/// both are null when no rule matched at all.
/// </summary>
/// <remarks>
/// The message is formatted when first read: most requests are allowed and never explained, and formatting three
/// strings per check was a measurable share of an admission review (bench/admission).
/// </remarks>
public sealed class RbacDecision
{
    private readonly Func<RbacDecision, string>? explain;
    private string? message;

    public RbacDecision(bool allowed, string message, RbacPermission? decidingRule, string? decidingSubject)
    {
        ArgumentNullException.ThrowIfNull(message);
        Allowed = allowed;
        this.message = message;
        DecidingRule = decidingRule;
        DecidingSubject = decidingSubject;
    }

    /// <summary>A decision whose message <paramref name="explain"/> formats from its fields, once, when it is read.</summary>
    public RbacDecision(bool allowed, Func<RbacDecision, string> explain, RbacPermission? decidingRule, string? decidingSubject)
    {
        ArgumentNullException.ThrowIfNull(explain);
        Allowed = allowed;
        this.explain = explain;
        DecidingRule = decidingRule;
        DecidingSubject = decidingSubject;
    }

    public bool Allowed { get; }

    public string Message => message ??= explain!(this);

    public RbacPermission? DecidingRule { get; }

    public string? DecidingSubject { get; }
}
