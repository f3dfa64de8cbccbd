using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

public sealed class RbacPolicyParserTests
{
    [Theory]
    [InlineData("p, role:Myrole, applications, *, myproj/*, allow", "p, role:Myrole, applications, *, myproj/*, allow")]
    [InlineData("p,bob,applications,get,*/*,deny", "p, bob, applications, get, */*, deny")]
    [InlineData("  p, alice , clusters , get , * , allow  ", "p, alice, clusters, get, *, allow")]
    [InlineData("p, alice, clusters, get, \"https://github.com/*/*.git\", allow", "p, alice, clusters, get, https://github.com/*/*.git, allow")]
    [InlineData("g, your-github-org:your-team, role:org-admin", "g, your-github-org:your-team, role:org-admin")]
    [InlineData("g, \"my-org, team a\", role:admin", "g, my-org, team a, role:admin")]
    public void Parse_WellFormedLine_BecomesARuleOrBinding(string line, string expected)
    {
        var policy = RbacPolicyParser.Parse(line);

        Assert.Empty(policy.Diagnostics);
        var parsed = policy.Permissions.Select(permission => permission.ToString()).Concat(policy.Bindings.Select(binding => binding.ToString()));
        Assert.Equal(expected, Assert.Single(parsed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# Some comment")]
    public void Parse_BlankOrCommentLine_IsSkippedSilently(string line)
    {
        var policy = RbacPolicyParser.Parse(line);

        Assert.Empty(policy.Permissions);
        Assert.Empty(policy.Bindings);
        Assert.Empty(policy.Diagnostics);
    }

    [Theory]
    [InlineData("p", "6 fields")]
    [InlineData("Some comment", "must start with 'p' or 'g'")]
    [InlineData("agh, foo, bar", "must start with 'p' or 'g', not 'agh'")]
    [InlineData("p, role:Myrole, applications, *, myproj/* allow", "6 fields 'p, subject, resource, action, object, effect', found 5")]
    [InlineData(", role:Myrole, applications, *, myproj/*, allow", "must start with 'p' or 'g', not ''")]
    [InlineData("g, alice", "3 fields")]
    [InlineData("g, alice, role:admin, extra", "3 fields")]
    [InlineData("p, alice, applications, get, */*, maybe", "effect must be 'allow' or 'deny', not 'maybe'")]
    [InlineData("p, al\"ice, applications, get, */*, allow", "bare \"")]
    [InlineData("p, \"alice\" x, applications, get, */*, allow", "quoted field")]
    public void Parse_MalformedLine_IsReportedNotThrown(string line, string expectedReason)
    {
        var policy = RbacPolicyParser.Parse(line, "policy.csv");

        Assert.Empty(policy.Permissions);
        Assert.Empty(policy.Bindings);
        var diagnostic = Assert.Single(policy.Diagnostics);
        Assert.Equal(("policy.csv:1", line), (diagnostic.Origin, diagnostic.Text));
        Assert.Contains(expectedReason, diagnostic.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadLineAmongGoodOnes_KeepsTheGoodOnesWithTheirLineNumbers()
    {
        const string Csv = """
            p, role:org-admin, applications, *, */*, allow
            p, broken
            # comment
            g, my-org:team-alpha, role:org-admin
            """;

        var policy = RbacPolicyParser.Parse(Csv);

        Assert.Equal("policy.csv:1", Assert.Single(policy.Permissions).Origin);
        Assert.Equal("policy.csv:4", Assert.Single(policy.Bindings).Origin);
        Assert.Equal("policy.csv:2", Assert.Single(policy.Diagnostics).Origin);
    }

    [Fact]
    public void ParseConfigMap_Overlays_FollowTheMainPolicyInKeyOrder()
    {
        var data = new Dictionary<string, string>
        {
            ["policy.b.csv"] = "p, from-b, applications, get, */*, allow",
            ["policy.csv"] = "p, from-main, applications, get, */*, allow",
            ["policy.a.csv"] = "p, from-a, applications, get, */*, allow",
            ["policy.default"] = " role:readonly ",
            ["scopes"] = "[groups, email]",
            ["unrelated.csv"] = "p, ignored, applications, get, */*, allow",
        };

        var policy = RbacPolicyParser.ParseConfigMap(data);

        Assert.Equal(["from-main", "from-a", "from-b"], policy.Permissions.Select(permission => permission.Subject));
        Assert.Equal("policy.a.csv:1", policy.Permissions[1].Origin);
        Assert.Equal("role:readonly", policy.DefaultRole);
        Assert.Equal(RbacMatchMode.Glob, policy.MatchMode);
    }

    [Theory]
    [InlineData(null, RbacMatchMode.Glob)]
    [InlineData("glob", RbacMatchMode.Glob)]
    [InlineData("regex", RbacMatchMode.Regex)]
    [InlineData("something-else", RbacMatchMode.Glob)]
    public void ParseConfigMap_MatchMode_DefaultsToGlob(string? matchMode, RbacMatchMode expected)
    {
        var data = new Dictionary<string, string>();
        if (matchMode is not null)
        {
            data["policy.matchMode"] = matchMode;
        }

        Assert.Equal(expected, RbacPolicyParser.ParseConfigMap(data).MatchMode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("role:readonly", "role:readonly")]
    public void ParseConfigMap_DefaultRole_EmptyMeansNone(string? defaultRole, string? expected)
    {
        var data = new Dictionary<string, string>();
        if (defaultRole is not null)
        {
            data["policy.default"] = defaultRole;
        }

        Assert.Equal(expected, RbacPolicyParser.ParseConfigMap(data).DefaultRole);
    }
}
