using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>Argo CD's AppProject.ValidateProject (after NormalizePolicies), first error only.</summary>
public sealed class ProjectValidatorTests
{
    public static TheoryData<string[], string?> RoleGroups => new()
    {
        { ["dev-team"], null },
        { ["\"my-org, team\""], null },
        { [" dev-team"], "group 'dev-team' contains a leading space" },
        { ["dev-team "], "group 'dev-team' contains a trailing space" },
        { ["dev-team\t"], "group 'dev-team' contains a trailing space" },
        { ["my-org, team"], "group 'my-org, team' must be quoted" },
        { ["dev-team", "dev-team"], "group 'dev-team' already exists for role 'developer'" },
        { [""], "group '' is empty" },
    };

    [Theory]
    [MemberData(nameof(RoleGroups))]
    public void Validate_RoleGroupWithSurroundingWhitespace_RefusedAsArgoCdRefusesIt(string[] groups, string? error)
    {
        var project = ProjectFixtures.Project(spec => spec.Roles = [ProjectFixtures.Role("developer", ["p, proj:production:developer, applications, sync, production/*, allow"], groups)]);

        Assert.Equal(error, ProjectValidator.Validate(project));
    }

    public static TheoryData<string, string?> RolesAndPolicies => new()
    {
        { "p,proj:production:developer,applications,sync,production/*,allow", null },
        { "p, proj:production:developer, applications, sync, production/*, allow|p,proj:production:developer,applications,sync,production/*,allow", "policy 'p, proj:production:developer, applications, sync, production/*, allow' already exists for role 'developer'" },
        { "p, proj:other:developer, applications, sync, production/*, allow", "invalid policy rule 'p, proj:other:developer, applications, sync, production/*, allow': the subject must be 'proj:production:developer', not 'proj:other:developer'" },
        { "p, proj:production:developer, applications, sync, production/*", "invalid policy rule 'p, proj:production:developer, applications, sync, production/*': a project policy must have the 6 fields 'p, proj:<project>:<role>, <resource>, <action>, <project>/<object>, allow|deny'" },
    };

    [Theory]
    [MemberData(nameof(RolesAndPolicies))]
    public void Validate_RolePolicies_NormalizedThenValidated(string policies, string? error)
    {
        var project = ProjectFixtures.Project(spec => spec.Roles = [ProjectFixtures.Role("developer", policies.Split('|'), "dev-team")]);

        Assert.Equal(error, ProjectValidator.Validate(project));
    }

    [Theory]
    [InlineData("developer", "developer", "role 'developer' already exists")]
    [InlineData("-developer", "admin", "invalid role name '-developer'. Must consist of alphanumeric characters, '-' or '_', and must start and end with an alphanumeric character")]
    [InlineData("developer", "admin", null)]
    public void Validate_RoleNames_UniqueAndWellFormed(string first, string second, string? error)
    {
        var project = ProjectFixtures.Project(spec => spec.Roles = [ProjectFixtures.Role(first, []), ProjectFixtures.Role(second, [])]);

        Assert.Equal(error, ProjectValidator.Validate(project));
    }

    public static TheoryData<ApplicationDestination[], string[], string?> DestinationsAndRepos => new()
    {
        { [ProjectFixtures.Destination("https://kubernetes.default.svc", "production")], ["https://github.com/myorg/*"], null },
        { [ProjectFixtures.Destination("!*", "production")], [], "server has an invalid format, '!*'" },
        { [ProjectFixtures.Destination(null, "production", name: "!*")], [], "name has an invalid format, '!*'" },
        { [ProjectFixtures.Destination("*", "!*")], [], "namespace has an invalid format, '!*'" },
        { [ProjectFixtures.Destination("https://a", "x"), ProjectFixtures.Destination("https://a", "x")], [], "destination 'https://a/x' already added" },
        { [ProjectFixtures.Destination(null, "x", name: "in-cluster"), ProjectFixtures.Destination(null, "x", name: "in-cluster")], [], "destination 'in-cluster/x' already added" },
        { [], ["!*"], "source repository has an invalid format, '!*'" },
        { [], ["https://a", "https://a"], "source repository 'https://a' already added" },
    };

    [Theory]
    [MemberData(nameof(DestinationsAndRepos))]
    public void Validate_DestinationsAndSourceRepos_ArgoCdRules(ApplicationDestination[] destinations, string[] repos, string? error)
    {
        var project = ProjectFixtures.Project(spec =>
        {
            spec.Destinations = destinations;
            spec.SourceRepos = repos;
        });

        Assert.Equal(error, ProjectValidator.Validate(project));
    }

    [Fact]
    public void Validate_SeedProject_Valid()
    {
        Assert.Null(ProjectValidator.Validate(ProjectFixtures.SeedProject()));
    }
}
