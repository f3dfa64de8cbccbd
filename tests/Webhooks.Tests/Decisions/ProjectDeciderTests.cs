using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Policy;
using Tollgate.Webhooks.Tests.Policy;

namespace Tollgate.Webhooks.Tests.Decisions;

/// <summary>AppProjects written with kubectl, held to Argo CD's project API (server/project/project.go).</summary>
public sealed class ProjectDeciderTests
{
    private static readonly Requester Alice = new("alice", [], IdentityKind.Human, false);
    private static readonly Requester Admin = new("root", ["system:masters"], IdentityKind.Admin, false);
    private static readonly Requester Controller = new("system:serviceaccount:argocd:argocd-server", [], IdentityKind.Controller, false);
    private static readonly Requester Namespaces = new("system:serviceaccount:kube-system:namespace-controller", [], IdentityKind.System, false);

    public static TheoryData<string, string, string, int, bool, string> Table => new()
    {
        // requester, operation, alice's policy.csv, applications in the project, allowed, reason
        { "alice", "CREATE", "p, alice, projects, create, team-a, allow", 0, true, DecisionReasons.Allowed },
        { "alice", "CREATE", "p, alice, projects, update, team-a, allow", 0, false, DecisionReasons.RbacDenied },
        { "alice", "UPDATE", "p, alice, projects, update, team-*, allow", 0, true, DecisionReasons.Allowed },
        { "alice", "UPDATE", "p, alice, projects, create, team-a, allow", 0, false, DecisionReasons.RbacDenied },
        { "alice", "DELETE", "p, alice, projects, delete, team-a, allow", 0, true, DecisionReasons.Allowed },
        { "alice", "DELETE", "p, alice, projects, delete, team-a, allow", 2, false, DecisionReasons.ProjectInUse },
        { "alice", "DELETE", "p, alice, projects, update, team-a, allow", 0, false, DecisionReasons.RbacDenied },
        { "alice", "CREATE", "g, alice, role:admin", 0, true, DecisionReasons.Allowed },
        { "alice", "DELETE", "g, alice, role:readonly", 0, false, DecisionReasons.RbacDenied },
        { "admin", "DELETE", "", 0, true, DecisionReasons.AdminBypass },
        { "admin", "DELETE", "", 1, false, DecisionReasons.ProjectInUse },
        { "controller", "UPDATE", "", 0, true, DecisionReasons.ControllerIdentity },
        { "system", "DELETE", "", 3, true, DecisionReasons.SystemIdentity },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_ProjectsRbacAndDeletion_AsArgoCdProjectApi(string requester, string operation, string csv, int applications, bool allowed, string reason)
    {
        var project = Project("team-a", "dev-team");
        var request = new ProjectRequest
        {
            Operation = operation,
            Requester = requester switch { "admin" => Admin, "controller" => Controller, "system" => Namespaces, _ => Alice },
            Old = operation == "CREATE" ? null : project,
            New = operation == "DELETE" ? null : project,
            SpecChanged = true,
            ApplicationCount = applications,
        };

        var decision = ProjectDecider.Decide(request, Snapshot(csv));

        Assert.Equal((allowed, reason), (decision.Allowed, decision.Reason));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("admin")]
    [InlineData("controller")]
    public void Decide_GroupWithTrailingSpace_RefusedForEveryoneButSystem(string requester)
    {
        var decision = ProjectDecider.Decide(
            new ProjectRequest { Operation = "CREATE", Requester = requester switch { "admin" => Admin, "controller" => Controller, _ => Alice }, New = Project("team-a", "dev-team ") },
            Snapshot("g, alice, role:admin"));

        Assert.Equal((false, DecisionReasons.InvalidProject, 400), (decision.Allowed, decision.Reason, decision.StatusCode));
        Assert.Equal("Argo CD refuses AppProject team-a: group 'dev-team' contains a trailing space", decision.Message);
    }

    [Fact]
    public void Decide_DeleteDefault_RefusedAsReserved()
    {
        var decision = ProjectDecider.Decide(
            new ProjectRequest { Operation = "DELETE", Requester = Alice, Old = Project("default", "dev-team") }, Snapshot("g, alice, role:admin"));

        Assert.Equal("Argo CD refuses to delete AppProject default: name 'default' is reserved and cannot be deleted", decision.Message);
    }

    [Fact]
    public void Decide_UpdateOfInvalidStoredProjectWithoutSpecChange_NotRevalidated()
    {
        var project = Project("team-a", " dev-team");

        var decision = ProjectDecider.Decide(
            new ProjectRequest { Operation = "UPDATE", Requester = Alice, Old = project, New = project, SpecChanged = false }, Snapshot("p, alice, projects, update, team-a, allow"));

        Assert.True(decision.Allowed, decision.Message);
    }

    private static AppProject Project(string name, string group) =>
        ProjectFixtures.Project(spec => spec.Roles = [ProjectFixtures.Role("developer", [$"p, proj:{name}:developer, applications, sync, {name}/*, allow"], group)], name);

    private static PolicySnapshot Snapshot(string csv) =>
        new(new Dictionary<string, CompiledProjectEntry>(), RbacPolicyParser.ParseConfigMap(new Dictionary<string, string> { ["policy.csv"] = csv }));
}
