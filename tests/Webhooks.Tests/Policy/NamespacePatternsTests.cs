using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>Argo CD's glob.MatchStringInList in regexp mode (application.namespaces, sourceNamespaces).</summary>
public sealed class NamespacePatternsTests
{
    [Theory]
    [InlineData("team-a", "team-a", true)]
    [InlineData("team-*", "team-a", true)]
    [InlineData("team-*", "other", false)]
    [InlineData("*", "anything", true)]
    [InlineData("/^team-[0-9]+$/", "team-42", true)]
    [InlineData("/^team-[0-9]+$/", "team-a", false)]
    [InlineData("/team/", "my-team-ns", true)]
    [InlineData("/(?<=my-)team/", "my-team", true)]
    [InlineData("/[unclosed/", "[unclosed", false)]
    [InlineData("", "team-a", false)]
    public void Matches_GlobOrSlashedRegex_AsArgoCd(string pattern, string @namespace, bool matches)
    {
        Assert.Equal(matches, NamespacePatterns.Compile([pattern]).Matches(@namespace));
    }

    [Theory]
    [InlineData(null, "argocd", true)]
    [InlineData("argocd", "argocd", true)]
    [InlineData("team-a", "argocd", false)]
    public void IsAppNamespacePermitted_NoSourceNamespaces_OnlyArgoCdsOwn(string? applicationNamespace, string argoCd, bool permitted)
    {
        var project = ProjectFixtures.CompiledSeedProject();

        Assert.Equal(permitted, project.IsAppNamespacePermitted(applicationNamespace, argoCd));
    }

    [Theory]
    [InlineData("team-a", true)]
    [InlineData("team-b", false)]
    [InlineData("apps-7", true)]
    public void IsAppNamespacePermitted_SourceNamespaces_GlobsAndRegexes(string applicationNamespace, bool permitted)
    {
        var project = CompiledProject.Compile(ProjectFixtures.Project(spec => spec.SourceNamespaces = ["team-a", "/^apps-[0-9]$/"]));

        Assert.Equal(permitted, project.IsAppNamespacePermitted(applicationNamespace, "argocd"));
    }
}
