namespace Tollgate.Webhooks.Decisions;

/// <summary>The <c>reason</c> label of the decision metric: a small fixed set.</summary>
public static class DecisionReasons
{
    public const string Allowed = "allowed";
    public const string Unmanaged = "unmanaged";
    public const string SystemIdentity = "system";
    public const string ControllerIdentity = "controller";
    public const string Drift = "drift";
    public const string TrackingChanged = "tracking_changed";
    public const string BreakGlass = "break_glass";
    public const string BreakGlassForbidden = "break_glass_forbidden";
    public const string AdminBypass = "admin_bypass";
    public const string GuardEnforce = "guard_enforce";
    public const string GuardWarn = "guard_warn";
    public const string GuardAudit = "guard_audit";
    public const string ResourceNotPermitted = "resource_not_permitted";
    public const string ProjectMissing = "project_missing";
    public const string SourceNotPermitted = "source_not_permitted";
    public const string DestinationNotPermitted = "destination_not_permitted";
    public const string InvalidApplication = "invalid_application";
    public const string RbacDenied = "rbac_denied";
    public const string SyncRefused = "sync_refused";
    public const string SyncWindow = "sync_window";
    public const string InvalidProject = "invalid_project";
    public const string ProjectInUse = "project_in_use";
    public const string NamespaceNotPermitted = "namespace_not_permitted";
    public const string DestinationServiceAccount = "destination_service_account";
    public const string RolloutAction = "rollout_action";
    public const string RolloutActionDenied = "rollout_action_denied";
    public const string ApplicationOperation = "application_operation";
    public const string InvalidSpec = "invalid_spec";
    public const string NotReady = "not_ready";
    public const string Unreadable = "unreadable";
}
