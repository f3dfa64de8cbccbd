namespace Tollgate.Webhooks.Policy;

/// <summary>
/// A parsed global RBAC policy (the argocd-rbac-cm ConfigMap): its rules, role bindings, default role, match mode, and
/// the lines that were ignored because they are malformed.
/// </summary>
public sealed record RbacPolicy(
    IReadOnlyList<RbacPermission> Permissions,
    IReadOnlyList<RbacRoleBinding> Bindings,
    string? DefaultRole,
    RbacMatchMode MatchMode,
    IReadOnlyList<PolicyDiagnostic> Diagnostics)
{
    public static RbacPolicy Empty { get; } = new([], [], null, RbacMatchMode.Glob, []);
}
