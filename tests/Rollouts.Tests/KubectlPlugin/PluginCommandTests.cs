using Tollgate.KubectlPlugin;

namespace Tollgate.Rollouts.Tests.KubectlPlugin;

public sealed class PluginCommandTests
{
    [Theory]
    [InlineData("get rollout web-app --watch -n prod", "get", "web-app", "prod", true, false)]
    [InlineData("get web-app", "get", "web-app", null, false, false)]
    [InlineData("promote web-app --full", "promote", "web-app", null, false, true)]
    [InlineData("retry rollout web-app --namespace=prod", "retry", "web-app", "prod", false, false)]
    [InlineData("abort web-app", "abort", "web-app", null, false, false)]
    [InlineData("restart web-app", "restart", "web-app", null, false, false)]
    [InlineData("pause web-app", "pause", "web-app", null, false, false)]
    public void Parse_CommandLine_Command(string line, string verb, string name, string? @namespace, bool watch, bool full) =>
        Assert.Equal(new PluginCommand(verb, name, @namespace, null, watch, full), PluginCommand.Parse(line.Split(' ')));

    [Theory]
    [InlineData("")]
    [InlineData("delete web-app")]
    [InlineData("get")]
    [InlineData("get rollout a b")]
    [InlineData("promote web-app --force")]
    [InlineData("get web-app -n")]
    public void Parse_Invalid_Throws(string line) =>
        Assert.Throws<FormatException>(() => PluginCommand.Parse(line.Length == 0 ? [] : line.Split(' ')));
}
