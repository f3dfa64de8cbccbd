using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class ArgumentSubstitutionTests
{
    private static readonly Dictionary<string, string?> Arguments = new()
    {
        ["service"] = "web",
        ["canary-hash"] = "abc",
        ["empty"] = "",
        ["missing-value"] = null,
    };

    [Theory]
    [InlineData("rate{svc=\"{{args.service}}\"}", "rate{svc=\"web\"}")]
    [InlineData("{{ args.service }}-{{args.canary-hash}}", "web-abc")]
    [InlineData("x{{args.empty}}y", "xy")]
    [InlineData("no placeholders", "no placeholders")]
    [InlineData("{{service}}", "{{service}}")]
    public void Substitute_Placeholders_Replaced(string text, string expected) =>
        Assert.Equal(expected, ArgumentSubstitution.Substitute(text, Arguments));

    [Theory]
    [InlineData("{{args.unknown}}")]
    [InlineData("{{args.missing-value}}")]
    public void Substitute_ArgumentWithoutValue_Throws(string text) =>
        Assert.Throws<FormatException>(() => ArgumentSubstitution.Substitute(text, Arguments));
}
