using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>Groups are written comma-separated ("" for none).</summary>
public sealed class RbacEnforcerTests
{
    private const string GlobalCsv = """
        p, role:deployer, applications, sync, */*, allow
        p, role:deployer, applications, action/apps/Deployment/*, */*, allow
        p, role:deployer, applications, sync, staging/*, deny
        g, deployers, role:deployer
        g, dave, role:deployer
        p, role:log-reader, logs, get, */*, allow
        g, role:deployer, role:log-reader
        p, erin, applications, *, team-a/*, allow
        p, erin, applications, delete, team-a/*, deny
        p, frank, repositories, get, foo/https://github.com/argoproj/*, allow
        p, ops, clusters, get, *, allow
        g, auditors, role:readonly
        p, role:staging-admin, applications, sync, staging/*, allow
        g, staging-admins, role:staging-admin
        """;

    private static readonly RbacEnforcer Global = RbacEnforcer.Create(RbacPolicyParser.Parse(GlobalCsv));

    [Theory]
    [InlineData("admin", "", "applications", "delete", "foo/bar", true)]
    [InlineData("admin", "", "applications", "get", "foo/bar", true)]
    [InlineData("admin", "", "applications", "rollback", "foo/bar", true)]
    [InlineData("admin", "", "applications", "action/apps/Deployment/restart", "foo/bar", true)]
    [InlineData("admin", "", "projects", "create", "anything", true)]
    [InlineData("role:admin", "", "clusters", "update", "https://remote", true)]
    [InlineData("role:readonly", "", "applications", "get", "foo/bar", true)]
    [InlineData("role:readonly", "", "applications", "create", "foo/bar", false)]
    [InlineData("role:readonly", "", "applications", "delete", "foo/bar", false)]
    [InlineData("role:readonly", "", "applications", "rollback", "foo/bar", false)]
    [InlineData("role:readonly", "", "logs", "get", "foo/ns/bar", true)]
    [InlineData("nobody", "", "applications", "get", "foo/bar", false)]
    public void Enforce_BuiltinRoles_AdminEverythingReadonlyGetOnly(string user, string groups, string resource, string action, string @object, bool expected)
    {
        Assert.Equal(expected, Global.Enforce(Subject(user, groups), resource, action, @object).Allowed);
    }

    [Theory]
    [InlineData("dave", "", "applications", "sync", "prod/app", true)]
    [InlineData("dave", "", "applications", "sync", "staging/app", false)]
    [InlineData("dave", "", "applications", "delete", "prod/app", false)]
    [InlineData("dave", "", "applications", "action/apps/Deployment/restart", "prod/app", true)]
    [InlineData("dave", "", "applications", "action/apps/StatefulSet/restart", "prod/app", false)]
    [InlineData("dave", "", "logs", "get", "prod/app", true)]
    [InlineData("zed", "deployers", "applications", "sync", "prod/app", true)]
    [InlineData("zed", "other,deployers", "logs", "get", "prod/app", true)]
    [InlineData("zed", "auditors", "applications", "get", "prod/app", true)]
    [InlineData("zed", "auditors", "applications", "sync", "prod/app", false)]
    [InlineData("zed", "", "applications", "sync", "prod/app", false)]
    public void Enforce_GLines_BindUsersAndGroupsToRolesTransitively(string user, string groups, string resource, string action, string @object, bool expected)
    {
        Assert.Equal(expected, Global.Enforce(Subject(user, groups), resource, action, @object).Allowed);
    }

    [Theory]
    [InlineData("erin", "", "update", "team-a/app", true)]
    [InlineData("erin", "", "delete", "team-a/app", false)]
    [InlineData("erin", "", "get", "team-a/some-namespace/app", true)]
    [InlineData("erin", "", "get", "team-b/app", false)]
    [InlineData("dave", "staging-admins", "sync", "staging/app", true)]
    [InlineData("erin", "deployers", "delete", "team-a/app", false)]
    public void Enforce_DenyAndAllowForSameSubject_DenyWinsButAnotherSubjectMayStillAllow(string user, string groups, string action, string @object, bool expected)
    {
        Assert.Equal(expected, Global.Enforce(Subject(user, groups), "applications", action, @object).Allowed);
    }

    [Theory]
    [InlineData("foo/https://github.com/argoproj/argo-cd.git", true)]
    [InlineData("foo/https://github.com/argoproj/nested/path.git", true)]
    [InlineData("foo/https://github.com/golang/go.git", false)]
    public void Enforce_ObjectGlob_StarCrossesSlashes(string @object, bool expected)
    {
        Assert.Equal(expected, Global.Enforce(new RbacSubject("frank"), "repositories", "get", @object).Allowed);
    }

    [Fact]
    public void Enforce_GroupWithPoliciesButNoGLine_IsNotConsulted()
    {
        var decision = Global.Enforce(Subject("zed", "ops"), "clusters", "get", "https://kubernetes.default.svc");

        Assert.False(decision.Allowed);
        Assert.Null(decision.DecidingRule);
    }

    [Theory]
    [InlineData("role:readonly", "nobody", "get", true)]
    [InlineData("role:readonly", "nobody", "sync", false)]
    [InlineData("role:readonly", "mallory", "get", true)]
    [InlineData(null, "mallory", "get", false)]
    [InlineData("role:admin", "nobody", "delete", true)]
    public void Enforce_DefaultRole_IsCheckedFirstAndOnItsOwn(string? defaultRole, string user, string action, bool expected)
    {
        var policy = RbacPolicyParser.Parse("p, mallory, applications, get, */*, deny", defaultRole: defaultRole);
        var enforcer = RbacEnforcer.Create(policy);

        Assert.Equal(expected, enforcer.Enforce(new RbacSubject(user), "applications", action, "foo/bar").Allowed);
    }

    [Theory]
    [InlineData("alice", "dev-team", "applications", "sync", "production/web-app", true)]
    [InlineData("alice", "dev-team", "applications", "update", "production/web-app", false)]
    [InlineData("alice", "dev-team", "applications", "sync", "staging/web-app", false)]
    [InlineData("alice", "dev-team", "projects", "get", "production", true)]
    [InlineData("alice", "dev-team", "projects", "update", "production", false)]
    [InlineData("bob", "platform-team", "applications", "delete", "production/web-app", true)]
    [InlineData("bob", "platform-team", "applications", "action/apps/Deployment/restart", "production/argocd/web-app", true)]
    [InlineData("bob", "platform-team", "applications", "delete", "staging/web-app", false)]
    [InlineData("carol", "other-team", "applications", "sync", "production/web-app", false)]
    [InlineData("proj:production:developer", "", "applications", "sync", "production/web-app", true)]
    [InlineData("proj:production:developer", "", "applications", "delete", "production/web-app", false)]
    [InlineData("proj:production:developer", "", "applications", "get", "staging/web-app", false)]
    [InlineData("carol", "team-a-devs", "applications", "sync", "team-a/app", true)]
    [InlineData("carol", "team-a-devs", "applications", "delete", "team-a/app", false)]
    public void Enforce_ProjectRoles_ApplyOnlyToTheirProject(string user, string groups, string resource, string action, string @object, bool expected)
    {
        Assert.Equal(expected, ProjectEnforcer().Enforce(Subject(user, groups), resource, action, @object).Allowed);
    }

    [Fact]
    public void Enforce_ProjectTokenOnAnotherProject_IsRefusedEvenWithADefaultRole()
    {
        var enforcer = RbacEnforcer.Create(RbacPolicyParser.Parse("", defaultRole: "role:readonly"), [ProjectFixtures.CompiledSeedProject(), TeamAProject()]);

        var decision = enforcer.Enforce(new RbacSubject("proj:production:developer"), "applications", "get", "team-a/app");

        Assert.False(decision.Allowed);
        Assert.Equal("proj:production:developer may not get applications 'team-a/app': a token of project production cannot act on project team-a", decision.Message);
    }

    [Fact]
    public void Enforce_Allowed_NamesTheRuleAndTheSubjectThatGrantedIt()
    {
        var decision = ProjectEnforcer().Enforce(Subject("alice", "dev-team"), "applications", "sync", "production/web-app");

        Assert.True(decision.Allowed);
        Assert.Equal("p, proj:production:developer, applications, sync, production/*, allow", decision.DecidingRule!.ToString());
        Assert.Equal("AppProject production role developer", decision.DecidingRule.Origin);
        Assert.Equal("group dev-team", decision.DecidingSubject);
        Assert.Equal(
            "alice may sync applications 'production/web-app': allowed to group dev-team by 'p, proj:production:developer, applications, sync, production/*, allow' (AppProject production role developer)",
            decision.Message);
    }

    [Fact]
    public void Enforce_Denied_NamesTheDenyRule()
    {
        var decision = Global.Enforce(new RbacSubject("erin"), "applications", "delete", "team-a/app");

        Assert.False(decision.Allowed);
        Assert.Equal(RbacEffect.Deny, decision.DecidingRule!.Effect);
        Assert.Equal("policy.csv:9", decision.DecidingRule.Origin);
        Assert.Equal("erin", decision.DecidingSubject);
    }

    [Fact]
    public void Enforce_NothingMatches_SaysWhoWasConsidered()
    {
        var decision = Global.Enforce(Subject("zed", "auditors,ops"), "applications", "sync", "prod/app");

        Assert.Equal("zed may not sync applications 'prod/app': no policy allows it to the user or their groups (auditors, ops)", decision.Message);
    }

    [Theory]
    [InlineData("https://github.com/argoproj/argo-cd.git", true)]
    [InlineData("https://github.com/argoproj/1argo-cd.git", false)]
    public void Enforce_RegexMatchMode_UsesUnanchoredRegularExpressions(string @object, bool expected)
    {
        var policy = RbacPolicyParser.ParseConfigMap(new Dictionary<string, string>
        {
            ["policy.csv"] = "p, alice, clusters, get, \"https://github.com/argo[a-z]{4}/argo-[a-z]+.git\", allow",
            ["policy.matchMode"] = "regex",
        });

        Assert.Equal(expected, RbacEnforcer.Create(policy).Enforce(new RbacSubject("alice"), "clusters", "get", @object).Allowed);
    }

    [Fact]
    public void Create_MalformedInputs_AreCollectedAsDiagnostics()
    {
        var badProject = CompiledProject.Compile(ProjectFixtures.Project(
            spec => spec.Roles = [ProjectFixtures.Role("dev", ["p, proj:other:dev, applications, get, other/*, allow"])],
            name: "team-b"));

        var enforcer = RbacEnforcer.Create(RbacPolicyParser.Parse("p, incomplete"), [badProject]);

        Assert.Equal(["policy.csv:1", "AppProject team-b spec.roles[0].policies[0]"], enforcer.Diagnostics.Select(diagnostic => diagnostic.Origin));
    }

    private static RbacEnforcer ProjectEnforcer() =>
        RbacEnforcer.Create(RbacPolicy.Empty, [ProjectFixtures.CompiledSeedProject(), TeamAProject()]);

    private static CompiledProject TeamAProject() =>
        CompiledProject.Compile(ProjectFixtures.Project(
            spec => spec.Roles =
            [
                ProjectFixtures.Role(
                    "dev",
                    ["p, proj:team-a:dev, applications, *, team-a/*, allow", "p, proj:team-a:dev, applications, delete, team-a/*, deny"],
                    "team-a-devs"),
            ],
            name: "team-a"));

    private static RbacSubject Subject(string user, string groups) =>
        new(user, groups.Length == 0 ? [] : groups.Split(','));
}
