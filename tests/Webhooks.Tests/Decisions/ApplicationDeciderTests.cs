using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Tests.Policy;

namespace Tollgate.Webhooks.Tests.Decisions;

public sealed class ApplicationDeciderTests
{
    private static readonly Requester Developer = new("dev-user", ["dev-team"], IdentityKind.Human, false);
    private static readonly Requester Platform = new("platform-user", ["platform-team"], IdentityKind.Human, false);
    private static readonly Requester OnCall = new("oncall", ["dev-team", "tollgate:break-glass"], IdentityKind.Human, true);
    private static readonly Requester Admin = new("root", ["system:masters"], IdentityKind.Admin, false);
    private static readonly Requester Controller = new("system:serviceaccount:argocd:argocd-application-controller", [], IdentityKind.Controller, false);
    private static readonly Requester GarbageCollector = new("system:serviceaccount:kube-system:generic-garbage-collector", [], IdentityKind.System, false);

    private static readonly Dictionary<string, Requester> Requesters = new()
    {
        ["dev"] = Developer,
        ["platform"] = Platform,
        ["oncall"] = OnCall,
        ["admin"] = Admin,
        ["controller"] = Controller,
        ["gc"] = GarbageCollector,
    };

    public static TheoryData<string, string, string, string, string, bool, string> Table => new()
    {
        // requester, operation, change, repo, destination namespace, allowed, reason
        { "dev", "CREATE", "spec", "https://github.com/myorg/k8s-manifests", "production", false, DecisionReasons.RbacDenied },
        { "platform", "CREATE", "spec", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.Allowed },
        { "platform", "CREATE", "spec", "https://github.com/myorg/k8s-manifests.git", "production-eu", true, DecisionReasons.Allowed },
        { "controller", "CREATE", "spec", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.ControllerIdentity },
        { "admin", "CREATE", "spec", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.AdminBypass },
        { "platform", "CREATE", "spec", "https://github.com/evil/manifests", "production", false, DecisionReasons.SourceNotPermitted },
        { "controller", "CREATE", "spec", "https://github.com/myorg/k8s-manifests", "staging", false, DecisionReasons.DestinationNotPermitted },
        { "admin", "CREATE", "spec", "https://github.com/evil/manifests", "production", false, DecisionReasons.SourceNotPermitted },
        { "dev", "UPDATE", "operation", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.Allowed },
        { "dev", "UPDATE", "spec", "https://github.com/myorg/k8s-manifests", "production", false, DecisionReasons.RbacDenied },
        { "platform", "UPDATE", "spec", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.Allowed },
        { "controller", "UPDATE", "status", "https://github.com/evil/manifests", "production", true, DecisionReasons.ControllerIdentity },
        { "dev", "DELETE", "", "https://github.com/myorg/k8s-manifests", "production", false, DecisionReasons.RbacDenied },
        { "platform", "DELETE", "", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.Allowed },
        { "controller", "DELETE", "", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.ControllerIdentity },
        { "gc", "DELETE", "", "https://github.com/myorg/k8s-manifests", "production", true, DecisionReasons.SystemIdentity },
        { "oncall", "DELETE", "", "https://github.com/myorg/k8s-manifests", "production", false, DecisionReasons.RbacDenied },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_SeedProject_AllowedAndReason(string requester, string operation, string change, string repo, string destination, bool allowed, string reason)
    {
        var application = App(repo, destination);
        var request = new ApplicationRequest
        {
            Operation = operation,
            Requester = Requesters[requester],
            ArgoCdNamespace = "argocd",
            Old = operation == "CREATE" ? null : application,
            New = operation == "DELETE" ? null : application,
            OperationOnly = change == "operation",
            SpecChanged = change == "spec",
        };

        var decision = ApplicationDecider.Decide(request, Snapshot());

        Assert.Equal((allowed, reason), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public void Decide_ProjectMissing_DeniedForAdminsToo()
    {
        var application = App("https://github.com/myorg/k8s-manifests", "production", project: "ghost");

        var decision = ApplicationDecider.Decide(new ApplicationRequest { Operation = "CREATE", Requester = Admin, ArgoCdNamespace = "argocd", New = application }, Snapshot());

        Assert.Equal((false, DecisionReasons.ProjectMissing), (decision.Allowed, decision.Reason));
        Assert.Equal("application web-app references project ghost, which does not exist", decision.Message);
    }

    [Fact]
    public void Decide_BreakGlassOnStoredApplication_DeleteAllowed()
    {
        var application = App("https://github.com/myorg/k8s-manifests", "production");

        var decision = ApplicationDecider.Decide(
            new ApplicationRequest { Operation = "DELETE", Requester = OnCall, ArgoCdNamespace = "argocd", Old = application, OldBreakGlass = "stuck app" }, Snapshot());

        Assert.Equal((true, DecisionReasons.BreakGlass), (decision.Allowed, decision.Reason));
    }

    [Theory]
    [InlineData("g, dev-team, role:admin", null, true)]
    [InlineData("", "role:admin", true)]
    [InlineData("", "role:readonly", false)]
    [InlineData("p, dev-team, applications, create, production/*, allow", null, true)]
    [InlineData("p, dev-team, applications, create, production/*, allow\np, dev-team, applications, create, production/web-*, deny", null, false)]
    public void Decide_GlobalRbacConfigMap_AddsToProjectRoles(string csv, string? defaultRole, bool allowed)
    {
        var data = new Dictionary<string, string> { ["policy.csv"] = csv };
        if (defaultRole is not null)
        {
            data["policy.default"] = defaultRole;
        }

        var decision = ApplicationDecider.Decide(
            new ApplicationRequest { Operation = "CREATE", Requester = Developer, ArgoCdNamespace = "argocd", New = App("https://github.com/myorg/k8s-manifests", "production") },
            Snapshot(RbacPolicyParser.ParseConfigMap(data)));

        Assert.Equal(allowed, decision.Allowed);
    }

    [Fact]
    public void Decide_RoleDenial_MessageFromArgoCdRbac()
    {
        var decision = ApplicationDecider.Decide(
            new ApplicationRequest { Operation = "DELETE", Requester = Developer, ArgoCdNamespace = "argocd", Old = App("https://github.com/myorg/k8s-manifests", "production") }, Snapshot());

        Assert.StartsWith("Argo CD RBAC: dev-user may not delete applications 'production/web-app'", decision.Message, StringComparison.Ordinal);
    }

    private static PolicySnapshot Snapshot(RbacPolicy? rbac = null) =>
        new(new Dictionary<string, CompiledProjectEntry> { ["production"] = PolicySnapshot.Compile(ProjectFixtures.SeedProject()) }, rbac ?? RbacPolicy.Empty);

    private static Application App(string repo, string destination, string project = "production")
    {
        var application = JsonSerializer.Deserialize(SeedManifests.ApplicationJson, ArgoCdJsonContext.Default.Application)!;
        application.Spec.Project = project;
        application.Spec.Source!.RepoUrl = repo;
        application.Spec.Destination!.Namespace = destination;
        return application;
    }
}
