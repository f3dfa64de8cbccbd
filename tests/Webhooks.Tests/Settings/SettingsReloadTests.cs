using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tests.Settings;

public sealed class SettingsReloadTests
{
    private static readonly TollgateSettings Running = TollgateSettings.Default with { ArgoCdNamespace = "argocd" };

    [Fact]
    public void Apply_ValidYaml_Replaces()
    {
        var (settings, problem) = SettingsReload.Apply(Running, "adminGroups: [system:masters, ops]\nbreakGlassGroup: oncall\n");

        Assert.Null(problem);
        Assert.Equal("oncall", settings.BreakGlassGroup);
        Assert.True(settings.AdminGroups.Matches("ops"));
    }

    [Theory]
    [InlineData("adminGroups: [ops]\nunknownField: true\n", "unknownField")]
    [InlineData("tracking:\n  method: guess\n", "tracking.method must be annotation, label or annotation+label, not 'guess'")]
    [InlineData(null, "the ConfigMap or its settings.yaml key is missing")]
    public void Apply_MalformedOrMissing_KeepsTheSettingsInForce(string? yaml, string problem)
    {
        var (settings, reported) = SettingsReload.Apply(Running, yaml);

        Assert.Same(Running, settings);
        Assert.Contains(problem, reported, StringComparison.Ordinal);
        Assert.EndsWith("the settings in force are kept", reported, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ArgoCdNamespaceChanged_KeptUntilRestartOthersApplied()
    {
        var (settings, problem) = SettingsReload.Apply(Running, "argocdNamespace: gitops\nbreakGlassGroup: oncall\n");

        Assert.Equal(("argocd", "oncall"), (settings.ArgoCdNamespace, settings.BreakGlassGroup));
        Assert.StartsWith("argocdNamespace (gitops) and rbacConfigMap (argocd-rbac-cm) take effect after a restart", problem, StringComparison.Ordinal);
    }
}
