using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("hello", "hello", true)]
    [InlineData("hell", "hello", false)]
    [InlineData("hell*", "hello", true)]
    [InlineData("e*", "hello", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "a/b/c", true)]
    [InlineData("a*c", "a/b/c", true)]
    [InlineData("h?llo", "hello", true)]
    [InlineData("h?llo", "hllo", false)]
    [InlineData("[hj]ello", "jello", true)]
    [InlineData("[!hj]ello", "jello", false)]
    [InlineData("[!hj]ello", "mello", true)]
    [InlineData("[a-c]at", "bat", true)]
    [InlineData("[a-c]at", "rat", false)]
    [InlineData("{kube-system,argocd}", "argocd", true)]
    [InlineData("{kube-system,argocd}", "default", false)]
    [InlineData("team-{a,b}-{dev,prod}", "team-b-prod", true)]
    [InlineData("team-{a,b}-{dev,prod}", "team-c-prod", false)]
    [InlineData("{a*,b}x", "abcx", true)]
    [InlineData(@"\*", "*", true)]
    [InlineData(@"\*", "a", false)]
    [InlineData("e[[a*", "e[[a*", false)]
    [InlineData("{unclosed", "{unclosed", false)]
    [InlineData("a,b}", "a,b}", true)]
    [InlineData("*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void IsMatch_ExtendedWithoutSeparator_MatchesLikeGobwas(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Compile(pattern).IsMatch(value));
    }

    [Theory]
    [InlineData("https://gitlab.com/group/*", "https://gitlab.com/group/repo", true)]
    [InlineData("https://gitlab.com/group/*", "https://gitlab.com/group/repo/owner", false)]
    [InlineData("https://gitlab.com/group/*/*", "https://gitlab.com/group/repo/owner", true)]
    [InlineData("https://gitlab.com/group/**", "https://gitlab.com/group/sub-group/repo/owner", true)]
    [InlineData("https://gitlab.com/**/owner", "https://gitlab.com/group/repo/owner", true)]
    [InlineData("https://gitlab.com/group/?", "https://gitlab.com/group//", false)]
    [InlineData("https://github.com/argoproj/*", "https://github.com/argoproj", false)]
    [InlineData("https://github.com/argoproj/*", "https://github.com/argoproj/", true)]
    public void IsMatch_WithSlashSeparator_StarStaysWithinSegment(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Compile(pattern, GlobDialect.Extended, '/').IsMatch(value));
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "apps", true)]
    [InlineData("apps", "apps", true)]
    [InlineData("*.k8s.io", "rbac.authorization.k8s.io", true)]
    [InlineData("[^a]pps", "apps", false)]
    [InlineData("[^a]pps", "opps", true)]
    [InlineData("[a-z0-9]pps", "4pps", true)]
    [InlineData("[!a]pps", "!pps", true)]
    [InlineData("{a,b}", "a", false)]
    [InlineData("[]a]", "a", false)]
    [InlineData("Deploy*", "Deployment", true)]
    [InlineData("deployment", "Deployment", false)]
    public void IsMatch_FilePathDialect_MatchesLikeGoFilepathMatch(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, GlobPattern.Compile(pattern, GlobDialect.FilePath, '/').IsMatch(value));
    }

    [Theory]
    [InlineData("ok*", GlobDialect.Extended, true)]
    [InlineData("[unclosed", GlobDialect.Extended, false)]
    [InlineData("{a,b", GlobDialect.Extended, false)]
    [InlineData(@"trailing\", GlobDialect.FilePath, false)]
    [InlineData("[]", GlobDialect.FilePath, false)]
    [InlineData("[a-]", GlobDialect.FilePath, false)]
    public void Compile_Pattern_ReportsWhetherWellFormedAndMalformedMatchesNothing(string pattern, GlobDialect dialect, bool expectedValid)
    {
        var glob = GlobPattern.Compile(pattern, dialect);

        Assert.Equal(expectedValid, glob.IsValid);
        if (!expectedValid)
        {
            Assert.False(glob.IsMatch(pattern));
        }
    }

    [Fact]
    public void IsMatch_PatternLongerThanStackBuffer_StillMatches()
    {
        var segment = string.Concat(Enumerable.Repeat("ab*", 200));
        var value = string.Concat(Enumerable.Repeat("abxyz", 200));

        Assert.True(GlobPattern.Compile(segment).IsMatch(value));
        Assert.False(GlobPattern.Compile(segment + "q").IsMatch(value));
    }
}
