namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: what may still allow a denied change. Admins pass (logged and counted); break-glass members pass when the
/// object carries a non-empty <c>tollgate.dev/break-glass</c> reason. Neither may override <paramref name="denial"/>
/// when it is not overridable (project limits of an Application, which are invalid for everyone).
/// </summary>
public static class Overrides
{
    public static AdmissionDecision Resolve(
        Denial denial, Requester requester, string? breakGlassReason, bool overridable, IReadOnlyList<string> warnings, IReadOnlyDictionary<string, string> auditAnnotations)
    {
        ArgumentNullException.ThrowIfNull(denial);
        ArgumentNullException.ThrowIfNull(requester);
        if (!overridable)
        {
            return AdmissionDecision.Deny(denial.Reason, denial.Message);
        }

        if (requester.Kind == IdentityKind.Admin)
        {
            return new AdmissionDecision
            {
                Allowed = true,
                Reason = DecisionReasons.AdminBypass,
                Message = denial.Message,
                AdminBypass = true,
                Warnings = [.. warnings, $"allowed only because {requester.User} is in an admin group; otherwise: {denial.Message}"],
                AuditAnnotations = With(auditAnnotations, "admin-bypass", denial.Reason),
            };
        }

        if (requester.BreakGlassMember && !string.IsNullOrWhiteSpace(breakGlassReason) && denial.Reason != DecisionReasons.BreakGlassForbidden)
        {
            return new AdmissionDecision
            {
                Allowed = true,
                Reason = DecisionReasons.BreakGlass,
                Message = denial.Message,
                BreakGlassReason = breakGlassReason.Trim(),
                Warnings = [.. warnings, $"BREAK-GLASS by {requester.User} (\"{breakGlassReason.Trim()}\"): this change is recorded and bypasses: {denial.Message}"],
                AuditAnnotations = With(With(auditAnnotations, "break-glass", breakGlassReason.Trim()), "break-glass-bypassed", denial.Reason),
            };
        }

        return AdmissionDecision.Deny(denial.Reason, denial.Message);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> annotations, string key, string value) =>
        new(annotations, StringComparer.Ordinal) { [key] = value };
}
