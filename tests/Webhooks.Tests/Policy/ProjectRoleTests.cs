using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

public sealed class ProjectRoleTests
{
    [Fact]
    public void Compile_SeedProject_KeepsPoliciesAndBindsGroups()
    {
        var project = ProjectFixtures.CompiledSeedProject();

        Assert.Empty(project.Diagnostics);
        Assert.Equal(
            [
                "p, proj:production:developer, projects, get, production, allow",
                "p, proj:production:developer, applications, sync, production/*, allow",
                "p, proj:production:admin, projects, get, production, allow",
                "p, proj:production:admin, applications, *, production/*, allow",
            ],
            project.RolePermissions.Select(permission => permission.ToString()));
        Assert.Equal(
            ["g, dev-team, proj:production:developer", "g, platform-team, proj:production:admin"],
            project.RoleBindings.Select(binding => binding.ToString()));
    }

    [Theory]
    [InlineData("p,proj:my-proj:my-role,applications,get,my-proj/*,allow")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/*, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/*, deny")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/*-foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/*.*, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/some-namespace/*, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, *, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, update/*/Pod/*, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, delete/*, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, rollback, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, override, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, action/*, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applications, action/apps/Deployment/restart, my-proj/foo, allow")]
    [InlineData("p, proj:my-proj:my-role, applicationsets, create, my-proj/*, allow")]
    [InlineData("p, proj:my-proj:my-role, repositories, get, my-proj/*, allow")]
    [InlineData("p, proj:my-proj:my-role, clusters, get, my-proj/*, allow")]
    [InlineData("p, proj:my-proj:my-role, exec, create, my-proj/*, allow")]
    [InlineData("p, proj:my-proj:my-role, logs, get, my-proj/*, allow")]
    public void Compile_WellFormedPolicy_BecomesARolePermission(string policy)
    {
        var project = CompileMyProject(policy);

        Assert.Empty(project.Diagnostics);
        Assert.Contains(project.RolePermissions, permission => permission.Resource != "projects" && permission.Subject == "proj:my-proj:my-role");
    }

    [Theory]
    [InlineData("g, proj:my-proj:my-role, applications, get, my-proj/*, allow", "6 fields")]
    [InlineData("p, not, enough, parts", "6 fields")]
    [InlineData("p, has, too, many, parts, to, split", "6 fields")]
    [InlineData("p, , applications, get, my-proj/*, allow", "the subject must be 'proj:my-proj:my-role', not ''")]
    [InlineData("p, proj:my-proj, applications, get, my-proj/*, allow", "the subject must be 'proj:my-proj:my-role'")]
    [InlineData("p, proj:my-proj:, applications, get, my-proj/*, allow", "the subject must be 'proj:my-proj:my-role'")]
    [InlineData("p, ::, applications, get, my-proj/*, allow", "the subject must be 'proj:my-proj:my-role'")]
    [InlineData("p, proj:different-my-proj:my-role, applications, get, my-proj/*, allow", "the subject must be 'proj:my-proj:my-role'")]
    [InlineData("p, proj:my-proj:other-role, applications, get, my-proj/*, allow", "the subject must be 'proj:my-proj:my-role'")]
    [InlineData("p, proj:my-proj:my-role, , get, my-proj/*, allow", "the resource must be one of")]
    [InlineData("p, proj:my-proj:my-role, applicationz, get, my-proj/*, allow", "the resource must be one of")]
    [InlineData("p, proj:my-proj:my-role, projects, get, my-proj, allow", "the resource must be one of")]
    [InlineData("p, proj:my-proj:my-role, applications, , my-proj/*, allow", "'' is not an action")]
    [InlineData("p, proj:my-proj:my-role, applications, foo, my-proj/*, allow", "'foo' is not an action")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/, allow", "the object must look like")]
    [InlineData("p, proj:my-proj:my-role, applications, get, /, allow", "the object must look like")]
    [InlineData("p, proj:my-proj:my-role, applications, get, different-my-proj/*, allow", "the object must look like")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/some~namespace/app, allow", "the object must look like")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/*, ", "the effect must be 'allow' or 'deny'")]
    [InlineData("p, proj:my-proj:my-role, applications, get, my-proj/*, foo", "the effect must be 'allow' or 'deny'")]
    public void Compile_MalformedPolicy_IsIgnoredAndReported(string policy, string expectedReason)
    {
        var project = CompileMyProject(policy);

        var diagnostic = Assert.Single(project.Diagnostics);
        Assert.Equal("AppProject my-proj spec.roles[0].policies[0]", diagnostic.Origin);
        Assert.Equal(policy, diagnostic.Text);
        Assert.Contains(expectedReason, diagnostic.Reason, StringComparison.Ordinal);
        Assert.Equal(["p, proj:my-proj:my-role, projects, get, my-proj, allow"], project.RolePermissions.Select(permission => permission.ToString()));
    }

    [Theory]
    [InlineData("-leading-dash", false)]
    [InlineData("trailing_", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    [InlineData("a", true)]
    [InlineData("ci_robot-2", true)]
    public void Compile_RoleName_MustBeAlphanumericWithInnerDashesOrUnderscores(string roleName, bool expectedValid)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(
            spec => spec.Roles = [ProjectFixtures.Role(roleName, [$"p, proj:my-proj:{roleName}, applications, get, my-proj/*, allow"], "some-group")],
            name: "my-proj"));

        Assert.Equal(expectedValid, project.Diagnostics.Count == 0);
        Assert.Equal(expectedValid ? 1 : 0, project.RoleBindings.Count);
    }

    [Theory]
    [InlineData("dev-team", "dev-team", null)]
    [InlineData("\"my-org, team alpha\"", "my-org, team alpha", null)]
    [InlineData("my-org, team alpha", null, "group 'my-org, team alpha' must be quoted")]
    [InlineData("", null, "group '' is empty")]
    [InlineData(" ", null, "group '' is empty")]
    [InlineData("tab\tinside", null, "group 'tab\tinside' contains invalid characters")]
    [InlineData("  my-org:team-alpha  ", null, "group 'my-org:team-alpha' contains a leading space")]
    [InlineData(" dev-team", null, "group 'dev-team' contains a leading space")]
    [InlineData("dev-team ", null, "group 'dev-team' contains a trailing space")]
    [InlineData("\"dev-team\" ", null, "group 'dev-team' contains a trailing space")]
    public void ValidateGroupName_ArgoCdRule_BindsOnlyValidGroups(string group, string? expectedMember, string? expectedReason)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(
            spec => spec.Roles = [ProjectFixtures.Role("my-role", [], group)],
            name: "my-proj"));

        Assert.Equal(expectedMember, project.RoleBindings.SingleOrDefault()?.Member);
        Assert.Equal(expectedReason, project.Diagnostics.SingleOrDefault()?.Reason);
    }

    [Fact]
    public void Compile_DuplicateRole_KeepsTheFirstAndReportsTheSecond()
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(
            spec => spec.Roles =
            [
                ProjectFixtures.Role("dev", ["p, proj:my-proj:dev, applications, sync, my-proj/*, allow"], "first"),
                ProjectFixtures.Role("dev", ["p, proj:my-proj:dev, applications, delete, my-proj/*, allow"], "second"),
            ],
            name: "my-proj"));

        Assert.Equal("AppProject my-proj spec.roles[1]", Assert.Single(project.Diagnostics).Origin);
        Assert.Equal("first", Assert.Single(project.RoleBindings).Member);
        Assert.DoesNotContain(project.RolePermissions, permission => permission.Action == "delete");
    }

    private static CompiledProject CompileMyProject(string policy) =>
        CompiledProject.Compile(ProjectFixtures.Project(spec => spec.Roles = [ProjectFixtures.Role("my-role", [policy])], name: "my-proj"));
}
