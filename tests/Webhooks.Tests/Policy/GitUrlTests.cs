using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

public sealed class GitUrlTests
{
    [Theory]
    [InlineData("https://github.com/myorg/k8s-manifests", "https://github.com/myorg/k8s-manifests")]
    [InlineData("https://github.com/MyOrg/K8s-Manifests.git", "https://github.com/myorg/k8s-manifests")]
    [InlineData("  https://github.com/myorg/k8s-manifests.GIT  ", "https://github.com/myorg/k8s-manifests")]
    [InlineData("https://github.com/myorg/repo.git.git", "https://github.com/myorg/repo.git")]
    [InlineData("git@github.com:myorg/k8s-manifests.git", "git@github.com/myorg/k8s-manifests")]
    [InlineData("ssh://git@github.com/myorg/k8s-manifests.git", "git@github.com/myorg/k8s-manifests")]
    [InlineData("ssh://git@github.com:2222/myorg/repo", "git@github.com:2222/myorg/repo")]
    [InlineData("https://user@github.com/myorg/repo", "https://user@github.com/myorg/repo")]
    [InlineData("https://github.com/myorg/*", "https://github.com/myorg/*")]
    [InlineData("", "")]
    public void Normalize_Spellings_ConvergeOnOneForm(string url, string expected)
    {
        Assert.Equal(expected, GitUrl.Normalize(url));
    }

    [Theory]
    [InlineData("git@github.com:myorg/repo", true)]
    [InlineData("ssh://git@github.com/myorg/repo", true)]
    [InlineData("github.com:myorg/repo", false)]
    [InlineData("https://github.com/myorg/repo", false)]
    [InlineData("https://user@github.com/myorg/repo", false)]
    [InlineData("git@", false)]
    public void IsSshUrl_Forms_RecognisesUserAtHost(string url, bool expected)
    {
        Assert.Equal(expected, GitUrl.IsSshUrl(url));
    }
}
