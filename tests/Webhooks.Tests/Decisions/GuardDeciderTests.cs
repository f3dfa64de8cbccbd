using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Tracking;

namespace Tollgate.Webhooks.Tests.Decisions;

public sealed class GuardDeciderTests
{
    private static readonly ManagingApplication WebApp = new("web-app", "argocd", "production", "https://github.com/myorg/k8s-manifests", "apps/web-app", "main");
    private static readonly Requester Developer = new("dev-user", ["dev-team"], IdentityKind.Human, BreakGlassMember: false);
    private static readonly Requester OnCall = new("oncall", ["dev-team", "tollgate:break-glass"], IdentityKind.Human, BreakGlassMember: true);
    private static readonly Requester Admin = new("root", ["system:masters"], IdentityKind.Admin, BreakGlassMember: false);
    private static readonly Requester Controller = new("system:serviceaccount:argocd:argocd-application-controller", [], IdentityKind.Controller, false);
    private static readonly Requester Hpa = new("system:serviceaccount:kube-system:horizontal-pod-autoscaler", [], IdentityKind.System, false);

    private static readonly Dictionary<string, GuardRequest> Cases = new()
    {
        ["unmanaged update by a developer"] = Request(Developer) with { ManagedBy = null },
        ["managed update by a developer"] = Request(Developer),
        ["managed scale by a developer"] = Request(Developer) with { SubResource = "scale" },
        ["managed delete by a developer"] = Request(Developer) with { Operation = "DELETE" },
        ["managed scale by the HPA"] = Request(Hpa) with { SubResource = "scale" },
        ["managed update by the application controller"] = Request(Controller),
        ["managed update by an admin"] = Request(Admin),
        ["tracking removed by a developer"] = Request(Developer) with { TrackingChanged = true },
        ["break-glass member without annotation"] = Request(OnCall),
        ["break-glass member sending the annotation"] = Request(OnCall) with { NewBreakGlass = "incident 42" },
        ["break-glass member scaling an annotated parent"] = Request(OnCall) with { SubResource = "scale", OldBreakGlass = "incident 42", NewBreakGlass = "incident 42" },
        ["break-glass member deleting an object annotated before"] = Request(OnCall) with { Operation = "DELETE", OldBreakGlass = "incident 42" },
        ["break-glass member deleting with only the sent annotation"] = Request(OnCall) with { Operation = "DELETE", NewBreakGlass = "incident 42" },
        ["break-glass member with a blank reason"] = Request(OnCall) with { NewBreakGlass = "  " },
        ["annotation set outside the group on an unmanaged object"] = Request(Developer) with { ManagedBy = null, NewBreakGlass = "please" },
        ["annotation kept unchanged by a developer on an unmanaged object"] = Request(Developer) with { ManagedBy = null, OldBreakGlass = "x", NewBreakGlass = "x" },
        ["enforce namespace, unmanaged create"] = Request(Developer) with { ManagedBy = null, Operation = "CREATE", Guard = GuardMode.Enforce },
        ["enforce namespace, controller create"] = Request(Controller) with { ManagedBy = null, Operation = "CREATE", Guard = GuardMode.Enforce },
        ["warn namespace, unmanaged create"] = Request(Developer) with { ManagedBy = null, Operation = "CREATE", Guard = GuardMode.Warn },
        ["audit namespace, unmanaged create"] = Request(Developer) with { ManagedBy = null, Operation = "CREATE", Guard = GuardMode.Audit, Target = new ObjectCoordinates("", "ConfigMap", "production", "settings") },
        ["kind not in the project whitelist"] = Request(Developer) with { ManagedBy = null, Operation = "CREATE", ResourcePermission = new PolicyDecision(false, "namespaced resource ConfigMap is not permitted in project production") },
        ["kind not whitelisted, admin"] = Request(Admin) with { ManagedBy = null, Operation = "CREATE", ResourcePermission = new PolicyDecision(false, "no") },
        ["application operation only"] = Request(Developer) with { Exemption = ChangeExemption.ApplicationOperation },
        ["rollout promote granted"] = Request(Developer) with { Exemption = ChangeExemption.PermittedRolloutAction },
        ["rollout restart not granted"] = Request(Developer) with { Exemption = ChangeExemption.DeniedRolloutAction, ExemptionMessage = "restart is not granted" },
        ["rollout promote granted but tracking rewritten"] = Request(Developer) with { Exemption = ChangeExemption.PermittedRolloutAction, TrackingChanged = true },
    };

    public static TheoryData<string, bool, string> Table => new()
    {
        { "unmanaged update by a developer", true, DecisionReasons.Unmanaged },
        { "managed update by a developer", false, DecisionReasons.Drift },
        { "managed scale by a developer", false, DecisionReasons.Drift },
        { "managed delete by a developer", false, DecisionReasons.Drift },
        { "managed scale by the HPA", true, DecisionReasons.SystemIdentity },
        { "managed update by the application controller", true, DecisionReasons.ControllerIdentity },
        { "managed update by an admin", true, DecisionReasons.AdminBypass },
        { "tracking removed by a developer", false, DecisionReasons.TrackingChanged },
        { "break-glass member without annotation", false, DecisionReasons.Drift },
        { "break-glass member sending the annotation", true, DecisionReasons.BreakGlass },
        { "break-glass member scaling an annotated parent", true, DecisionReasons.BreakGlass },
        { "break-glass member deleting an object annotated before", true, DecisionReasons.BreakGlass },
        { "break-glass member deleting with only the sent annotation", false, DecisionReasons.Drift },
        { "break-glass member with a blank reason", false, DecisionReasons.Drift },
        { "annotation set outside the group on an unmanaged object", false, DecisionReasons.BreakGlassForbidden },
        { "annotation kept unchanged by a developer on an unmanaged object", true, DecisionReasons.Unmanaged },
        { "enforce namespace, unmanaged create", false, DecisionReasons.GuardEnforce },
        { "enforce namespace, controller create", true, DecisionReasons.ControllerIdentity },
        { "warn namespace, unmanaged create", true, DecisionReasons.GuardWarn },
        { "audit namespace, unmanaged create", true, DecisionReasons.GuardAudit },
        { "kind not in the project whitelist", false, DecisionReasons.ResourceNotPermitted },
        { "kind not whitelisted, admin", true, DecisionReasons.AdminBypass },
        { "application operation only", true, DecisionReasons.ApplicationOperation },
        { "rollout promote granted", true, DecisionReasons.RolloutAction },
        { "rollout restart not granted", false, DecisionReasons.RolloutActionDenied },
        { "rollout promote granted but tracking rewritten", false, DecisionReasons.TrackingChanged },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_Case_AllowedAndReason(string name, bool allowed, string reason)
    {
        var decision = GuardDecider.Decide(Cases[name]);

        Assert.Equal((allowed, reason), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public void Decide_DriftDenial_MessageNamesObjectApplicationProjectRepoPathRevisionAndGit()
    {
        var decision = GuardDecider.Decide(Request(Developer) with { SubResource = "scale" });

        Assert.Equal(
            "Deployment.apps production/web-app is managed by Argo CD Application web-app (project production) from repository "
            + "https://github.com/myorg/k8s-manifests, path apps/web-app, revision main: scaling Deployment.apps production/web-app by hand is refused. "
            + "Change it in Git (repository https://github.com/myorg/k8s-manifests, path apps/web-app, revision main) and let Argo CD sync it",
            decision.Message);
    }

    [Fact]
    public void Decide_BreakGlass_WarningAuditAnnotationAndReason()
    {
        var decision = GuardDecider.Decide(Request(OnCall) with { NewBreakGlass = " incident 42 " });

        Assert.Equal("incident 42", decision.BreakGlassReason);
        Assert.Equal("incident 42", decision.AuditAnnotations["break-glass"]);
        Assert.Equal(DecisionReasons.Drift, decision.AuditAnnotations["break-glass-bypassed"]);
        Assert.StartsWith("BREAK-GLASS by oncall (\"incident 42\")", Assert.Single(decision.Warnings), StringComparison.Ordinal);
        Assert.Equal("warn", decision.Label);
    }

    [Fact]
    public void Decide_AdminBypass_FlaggedWithWarning()
    {
        var decision = GuardDecider.Decide(Request(Admin));

        Assert.True(decision.AdminBypass);
        Assert.Contains("admin group", Assert.Single(decision.Warnings), StringComparison.Ordinal);
        Assert.Equal(DecisionReasons.Drift, decision.AuditAnnotations["admin-bypass"]);
    }

    [Fact]
    public void Decide_AuditNamespace_AuditAnnotationWithoutWarning()
    {
        var decision = GuardDecider.Decide(Cases["audit namespace, unmanaged create"]);

        Assert.Empty(decision.Warnings);
        Assert.Equal("dev-user creating ConfigMap production/settings", decision.AuditAnnotations["guard-audit"]);
    }

    private static GuardRequest Request(Requester requester) => new()
    {
        Operation = "UPDATE",
        Target = new ObjectCoordinates("apps", "Deployment", "production", "web-app"),
        Requester = requester,
        ManagedBy = WebApp,
    };
}
