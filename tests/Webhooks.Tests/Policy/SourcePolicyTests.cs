using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

public sealed class SourcePolicyTests
{
    [Theory]
    [InlineData("https://github.com/myorg/k8s-manifests", true)]
    [InlineData("https://github.com/myorg/k8s-manifests.git", true)]
    [InlineData("HTTPS://GitHub.com/MyOrg/K8s-Manifests.git", true)]
    [InlineData("https://github.com/myorg/k8s-manifests-fork", false)]
    [InlineData("https://github.com/evil/repo", false)]
    [InlineData("git@github.com:myorg/k8s-manifests.git", false)]
    public void IsSourcePermitted_SeedProject_OnlyItsRepository(string repoUrl, bool expected)
    {
        Assert.Equal(expected, ProjectFixtures.CompiledSeedProject().IsSourcePermitted(repoUrl));
    }

    [Theory]
    [InlineData(new[] { "*" }, "https://github.com/argoproj/test.git", true)]
    [InlineData(new[] { "https://github.com/argoproj/test.git" }, "https://github.com/argoproj/test.git", true)]
    [InlineData(new[] { "https://github.com/argoproj/test" }, "https://github.com/argoproj/test.git", true)]
    [InlineData(new[] { "ssh://git@GITHUB.com:argoproj/test" }, "ssh://git@github.com:argoproj/test", true)]
    [InlineData(new[] { "git@github.com:argoproj/test.git" }, "ssh://git@github.com/argoproj/test", true)]
    [InlineData(new[] { "ssh://git@github.com/argoproj/test" }, "git@github.com:argoproj/test.git", true)]
    [InlineData(new[] { "git@github.com:argoproj/*" }, "git@github.com:argoproj/anything.git", true)]
    [InlineData(new[] { "https://github.com/argoproj/*" }, "https://github.com/argoproj/argoproj.git", true)]
    [InlineData(new[] { "https://github.com/test1/test.git", "https://github.com/test2/test.git" }, "https://github.com/test2/test.git", true)]
    [InlineData(new[] { "https://github.com/argoproj/test1.git" }, "https://github.com/argoproj/test2.git", false)]
    [InlineData(new[] { "https://github.com/argoproj/*.git" }, "https://github.com/argoproj1/test2.git", false)]
    [InlineData(new[] { "https://github.com/argoproj/foo" }, "https://github.com/argoproj/foo1", false)]
    [InlineData(new[] { "https://gitlab.com/group/*" }, "https://gitlab.com/group/repo/owner", false)]
    [InlineData(new[] { "https://gitlab.com/group/*/*" }, "https://gitlab.com/group/repo/owner", true)]
    [InlineData(new[] { "https://gitlab.com/group/*/*/*" }, "https://gitlab.com/group/sub-group/repo/owner", true)]
    [InlineData(new[] { "https://gitlab.com/group/**" }, "https://gitlab.com/group/sub-group/repo/owner", true)]
    [InlineData(new string[0], "https://github.com/argoproj/test.git", false)]
    public void IsSourcePermitted_PositivePatterns_MatchArgoCd(string[] sourceRepos, string repoUrl, bool expected)
    {
        Assert.Equal(expected, ProjectFixtures.WithSourceRepos(sourceRepos).IsSourcePermitted(repoUrl));
    }

    [Theory]
    [InlineData(new[] { "!https://github.com/argoproj/test.git" }, "https://github.com/argoproj/test.git", false)]
    [InlineData(new[] { "!ssh://git@GITHUB.com:argoproj/test" }, "ssh://git@github.com:argoproj/test", false)]
    [InlineData(new[] { "!https://github.com/argoproj/*" }, "https://github.com/argoproj/argoproj.git", false)]
    [InlineData(new[] { "https://github.com/test1/test.git", "!https://github.com/test2/test.git" }, "https://github.com/test2/test.git", false)]
    [InlineData(new[] { "!https://github.com/argoproj/foo*" }, "https://github.com/argoproj/foo1", false)]
    [InlineData(new[] { "!https://gitlab.com/group/*/*" }, "https://gitlab.com/group/repo/owner", false)]
    [InlineData(new[] { "!https://gitlab.com/group/**" }, "https://gitlab.com/group/sub-group/repo/owner", false)]
    [InlineData(new[] { "https://github.com/argoproj/test1.git", "*" }, "https://github.com/argoproj/test2.git", true)]
    [InlineData(new[] { "!https://github.com/argoproj/*.git", "*" }, "https://github.com/argoproj1/test2.git", true)]
    [InlineData(new[] { "*", "!https://github.com/evil/*" }, "https://github.com/evil/repo", false)]
    [InlineData(new[] { "https://github.com/evil/repo", "!https://github.com/evil/*" }, "https://github.com/evil/repo", false)]
    public void IsSourcePermitted_Negations_RejectAtOnceWhateverTheOrder(string[] sourceRepos, string repoUrl, bool expected)
    {
        Assert.Equal(expected, ProjectFixtures.WithSourceRepos(sourceRepos).IsSourcePermitted(repoUrl));
    }

    [Theory]
    [InlineData(new[] { "!https://github.com/evil/*" }, "https://github.com/myorg/anything", true)]
    [InlineData(new[] { "!https://github.com/evil/*", "!https://gitlab.com/**" }, "https://bitbucket.org/team/repo", true)]
    [InlineData(new[] { "!https://github.com/evil/*", "!https://gitlab.com/**" }, "https://gitlab.com/team/sub/repo", false)]
    public void IsSourcePermitted_OnlyNegations_AllowsEverythingElse(string[] sourceRepos, string repoUrl, bool expected)
    {
        Assert.Equal(expected, ProjectFixtures.WithSourceRepos(sourceRepos).IsSourcePermitted(repoUrl));
    }

    [Theory]
    [InlineData(new[] { "https://github.com/myorg/*" }, "https://github.com/evil/repo", false, "repository https://github.com/evil/repo is not permitted in project production", null)]
    [InlineData(new[] { "*", "!https://github.com/evil/*" }, "https://github.com/evil/repo", false, "repository https://github.com/evil/repo is not permitted in project production: it is excluded by '!https://github.com/evil/*'", "!https://github.com/evil/*")]
    [InlineData(new[] { "https://github.com/myorg/*" }, "https://github.com/myorg/app", true, "repository https://github.com/myorg/app is permitted in project production by 'https://github.com/myorg/*'", "https://github.com/myorg/*")]
    public void CheckSource_Decision_ExplainsWhichEntryDecided(string[] sourceRepos, string repoUrl, bool allowed, string message, string? decidingRule)
    {
        var decision = ProjectFixtures.WithSourceRepos(sourceRepos).CheckSource(repoUrl);

        Assert.Equal(new PolicyDecision(allowed, message, decidingRule), decision);
    }
}
