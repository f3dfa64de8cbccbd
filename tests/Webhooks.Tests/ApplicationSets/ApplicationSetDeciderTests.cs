using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.ApplicationSets;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Clusters;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Settings;
using Tollgate.Webhooks.Tests.Policy;

namespace Tollgate.Webhooks.Tests.ApplicationSets;

/// <summary>ApplicationSets written with kubectl, held to Argo CD's ApplicationSet API (server/applicationset) and to the projects their templates name.</summary>
public sealed class ApplicationSetDeciderTests
{
    private const string Manifests = "https://github.com/myorg/k8s-manifests";
    private static readonly Requester Alice = new("alice", [], IdentityKind.Human, false);
    private static readonly Requester Admin = new("root", ["system:masters"], IdentityKind.Admin, false);
    private static readonly Requester Controller = new("system:serviceaccount:argocd:argocd-applicationset-controller", [], IdentityKind.Controller, false);
    private static readonly Requester System = new("system:serviceaccount:kube-system:generic-garbage-collector", [], IdentityKind.System, false);

    public static TheoryData<string, string, string, string, bool, string> RbacTable => new()
    {
        // requester, operation, alice's policy.csv, project of the new ApplicationSet, allowed, reason
        { "alice", "CREATE", "p, alice, applicationsets, create, production/*, allow", "production", true, DecisionReasons.Allowed },
        { "alice", "CREATE", "p, alice, applicationsets, update, production/*, allow", "production", false, DecisionReasons.RbacDenied },
        { "alice", "CREATE", "p, alice, applications, create, production/*, allow", "production", false, DecisionReasons.RbacDenied },
        { "alice", "UPDATE", "p, alice, applicationsets, update, production/guestbook, allow", "production", true, DecisionReasons.Allowed },
        { "alice", "DELETE", "p, alice, applicationsets, delete, production/*, allow", "production", true, DecisionReasons.Allowed },
        { "alice", "DELETE", "p, alice, applicationsets, get, production/*, allow", "production", false, DecisionReasons.RbacDenied },
        { "alice", "UPDATE", "p, alice, applicationsets, update, */*, allow", "staging", false, DecisionReasons.RbacDenied },
        { "alice", "UPDATE", "p, alice, applicationsets, *, */*, allow", "staging", true, DecisionReasons.Allowed },
        { "alice", "CREATE", "g, alice, role:admin", "production", true, DecisionReasons.Allowed },
        { "alice", "CREATE", "g, alice, role:readonly", "production", false, DecisionReasons.RbacDenied },
        { "admin", "CREATE", "", "production", true, DecisionReasons.AdminBypass },
        { "controller", "UPDATE", "", "staging", true, DecisionReasons.ControllerIdentity },
        { "system", "DELETE", "", "production", true, DecisionReasons.SystemIdentity },
    };

    [Theory]
    [MemberData(nameof(RbacTable))]
    public void Decide_ApplicationSetsRbac_AsArgoCdApplicationSetApi(string requester, string operation, string csv, string project, bool allowed, string reason)
    {
        var old = View(Template("production", Manifests, "https://kubernetes.default.svc", "production"));
        var request = new ApplicationSetRequest
        {
            Operation = operation,
            Requester = requester switch { "admin" => Admin, "controller" => Controller, "system" => System, _ => Alice },
            ArgoCdNamespace = "argocd",
            Old = operation == "CREATE" ? null : old,
            New = operation == "DELETE" ? null : View(Template(project, Manifests, "https://kubernetes.default.svc", "production")),
            SpecChanged = true,
        };

        var decision = ApplicationSetDecider.Decide(request, Snapshot(csv));

        Assert.Equal((allowed, reason), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public void Permissions_ProjectMove_UpdateAndCreateInNewUpdateInOld()
    {
        var old = View(Template("production", Manifests, "https://kubernetes.default.svc", "production"));
        var moved = View(Template("staging", Manifests, "https://kubernetes.default.svc", "production"));

        var permissions = ApplicationSetDecider.Permissions(
            new ApplicationSetRequest { Operation = "UPDATE", Requester = Alice, ArgoCdNamespace = "argocd", Old = old, New = moved }, moved);

        Assert.Equal(["staging:update", "staging:create", "production:update"], permissions.Select(p => $"{p.Target.ProjectName}:{p.Action}"));
    }

    [Theory]
    [InlineData("missing", Manifests, "https://kubernetes.default.svc", "production", DecisionReasons.ProjectMissing, "ApplicationSet references project missing which does not exist (spec.template.spec.project)")]
    [InlineData("production", "https://github.com/evil/repo", "https://kubernetes.default.svc", "production", DecisionReasons.SourceNotPermitted, "applicationset guestbook breaks the limits of project production: spec.template.spec.source.repoURL: repository https://github.com/evil/repo is not permitted in project production")]
    [InlineData("production", Manifests, "https://kubernetes.default.svc", "kube-system", DecisionReasons.DestinationNotPermitted, "applicationset guestbook breaks the limits of project production: spec.template.spec.destination: destination server 'https://kubernetes.default.svc' (name 'in-cluster'), namespace 'kube-system' does not match any destination allowed in project production")]
    [InlineData("production", Manifests, "https://unknown.example.com", "production", DecisionReasons.DestinationNotPermitted, "applicationset guestbook: spec.template.spec.destination is invalid: error getting cluster by server \"https://unknown.example.com\": cluster \"https://unknown.example.com\" not found")]
    public void Decide_LiteralTemplateOutsideProject_RefusedEvenForAdmins(string project, string repo, string server, string destinationNamespace, string reason, string message)
    {
        var decision = ApplicationSetDecider.Decide(
            new ApplicationSetRequest { Operation = "CREATE", Requester = Admin, ArgoCdNamespace = "argocd", New = View(Template(project, repo, server, destinationNamespace)) },
            Snapshot(""));

        Assert.Equal((false, reason, message), (decision.Allowed, decision.Reason, decision.Message));
    }

    [Theory]
    [InlineData("{{.project}}", Manifests, "https://kubernetes.default.svc", "production", "spec.template.spec.project '{{.project}}' is filled in by the generators")]
    [InlineData("production", "{{.repo}}", "https://kubernetes.default.svc", "production", "spec.template.spec.source.repoURL '{{.repo}}' is filled in by the generators")]
    [InlineData("production", Manifests, "{{server}}", "production", "spec.template.spec.destination is filled in by the generators")]
    [InlineData("production", Manifests, "https://kubernetes.default.svc", "{{namespace}}", "spec.template.spec.destination is filled in by the generators")]
    public void Decide_TemplatedValue_AllowedWithAWarning(string project, string repo, string server, string destinationNamespace, string warning)
    {
        var decision = ApplicationSetDecider.Decide(
            new ApplicationSetRequest { Operation = "CREATE", Requester = Alice, ArgoCdNamespace = "argocd", New = View(Template(project, repo, server, destinationNamespace)) },
            Snapshot("p, alice, applicationsets, create, */*, allow"));

        Assert.True(decision.Allowed, decision.Message);
        Assert.Equal("warn", decision.Label);
        Assert.Contains(warning, Assert.Single(decision.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TemplatedProject_RbacObjectIsTheLiteralTemplate()
    {
        var decision = ApplicationSetDecider.Decide(
            new ApplicationSetRequest { Operation = "CREATE", Requester = Alice, ArgoCdNamespace = "argocd", New = View(Template("{{.project}}", Manifests, "{{server}}", "x")) },
            Snapshot("p, alice, applicationsets, create, production/*, allow"));

        Assert.Equal((false, DecisionReasons.RbacDenied), (decision.Allowed, decision.Reason));
        Assert.Contains("applicationsets '{{.project}}/guestbook'", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OutsideArgoCdNamespace_NamespaceEnabledAndProjectSourceNamespacesAndThreePartRbacObject()
    {
        var teamSet = View(Template("production", Manifests, "https://kubernetes.default.svc", "production"), "team");
        var request = new ApplicationSetRequest { Operation = "CREATE", Requester = Alice, ArgoCdNamespace = "argocd", New = teamSet };
        const string Csv = "p, alice, applicationsets, create, production/team/guestbook, allow";

        var notEnabled = ApplicationSetDecider.Decide(request, Snapshot(Csv));
        var notInProject = ApplicationSetDecider.Decide(request, Snapshot(Csv, applicationNamespaces: "team"));
        var allowed = ApplicationSetDecider.Decide(request, Snapshot(Csv, applicationNamespaces: "team", sourceNamespaces: ["team"]));

        Assert.Equal(DecisionReasons.NamespaceNotPermitted, notEnabled.Reason);
        Assert.Contains("namespace 'team' is not permitted", notEnabled.Message, StringComparison.Ordinal);
        Assert.Contains("may not use project production", notInProject.Message, StringComparison.Ordinal);
        Assert.True(allowed.Allowed, allowed.Message);
    }

    [Fact]
    public void Decide_NamedClusterScopedToProject_Resolved()
    {
        var set = View(Template("production", Manifests, server: "", destinationNamespace: "apps", name: "prod-eu"));
        var clusters = new ClusterRegistry([new ArgoCluster("https://prod-eu.example.com", "prod-eu") { Project = "production" }]);

        var decision = ApplicationSetDecider.Decide(
            new ApplicationSetRequest { Operation = "CREATE", Requester = Alice, ArgoCdNamespace = "argocd", New = set },
            Snapshot("p, alice, applicationsets, create, */*, allow", clusters: clusters));

        Assert.True(decision.Allowed, decision.Message);
    }

    [Fact]
    public void Decide_StatusOnlyUpdateOfBrokenSet_TemplatesNotRechecked()
    {
        var broken = View(Template("missing", Manifests, "https://kubernetes.default.svc", "production"));

        var decision = ApplicationSetDecider.Decide(
            new ApplicationSetRequest { Operation = "UPDATE", Requester = Controller, ArgoCdNamespace = "argocd", Old = broken, New = broken, SpecChanged = false },
            Snapshot(""));

        Assert.True(decision.Allowed, decision.Message);
    }

    private static string Template(string project, string repo, string server, string destinationNamespace, string name = "") =>
        $$$"""{"spec":{"project":"{{{project}}}","source":{"repoURL":"{{{repo}}}"},"destination":{"server":"{{{server}}}","name":"{{{name}}}","namespace":"{{{destinationNamespace}}}" """ + "}}}";

    private static ApplicationSetView View(string template, string @namespace = "argocd") =>
        ApplicationSetReader.Read(JsonDocument.Parse($$$"""{"metadata":{"name":"guestbook","namespace":"{{{@namespace}}}"},"spec":{"generators":[{"list":{"elements":[]}}],"template":{{{template}}}}}""").RootElement);

    private static PolicySnapshot Snapshot(string csv, string applicationNamespaces = "", string[]? sourceNamespaces = null, ClusterRegistry? clusters = null)
    {
        var project = ProjectFixtures.SeedProject();
        project.Spec.SourceNamespaces = sourceNamespaces;
        var staging = ProjectFixtures.Project(spec => { spec.SourceRepos = ["*"]; spec.Destinations = [ProjectFixtures.Destination("*", "*")]; }, "staging");
        return new PolicySnapshot(
            new Dictionary<string, CompiledProjectEntry> { ["production"] = PolicySnapshot.Compile(project), ["staging"] = PolicySnapshot.Compile(staging) },
            RbacPolicyParser.ParseConfigMap(new Dictionary<string, string> { ["policy.csv"] = csv }),
            ArgoCdConfig.FromData(null, new Dictionary<string, string> { [ArgoCdConfig.ApplicationNamespacesKey] = applicationNamespaces }),
            clusters);
    }
}
