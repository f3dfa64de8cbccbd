using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tests.Settings;

public sealed class SettingsLoaderTests
{
    [Fact]
    public void Parse_Empty_Defaults()
    {
        var settings = SettingsLoader.Parse("");

        Assert.Equal("argocd", settings.ArgoCdNamespace);
        Assert.Equal("argocd-rbac-cm", settings.RbacConfigMap);
        Assert.Equal("tollgate:break-glass", settings.BreakGlassGroup);
        Assert.Equal(TrackingMethod.AnnotationAndLabel, settings.TrackingMethod);
        Assert.Equal("app.kubernetes.io/instance", settings.TrackingLabel);
        Assert.True(settings.Controllers.Users.Matches("system:serviceaccount:argocd:argocd-application-controller"));
        Assert.True(settings.System.Users.Matches("system:serviceaccount:kube-system:horizontal-pod-autoscaler"));
        Assert.True(settings.AdminGroups.Matches("system:masters"));
    }

    [Fact]
    public void Parse_ShippedConfigMapText_SameAsDefaults()
    {
        var yaml = File.ReadAllText(Path.Combine(Testing.RepositoryRoot.Find(), "config", "webhook", "settings.yaml"));
        var text = Shared.Yaml.YamlJson.ParseDocuments(yaml)[0]["data"]![SettingsLoader.ConfigMapKey]!.GetValue<string>();

        var settings = SettingsLoader.Parse(text);

        Assert.Equal(TollgateSettings.Default.Controllers.Users.Patterns, settings.Controllers.Users.Patterns);
        Assert.Equal(TollgateSettings.Default.System.Users.Patterns, settings.System.Users.Patterns);
        Assert.Equal(TollgateSettings.Default.System.Groups.Patterns, settings.System.Groups.Patterns);
        Assert.Equal(TollgateSettings.Default.TrackingMethod, settings.TrackingMethod);
    }

    [Fact]
    public void Parse_Overrides_Applied()
    {
        var settings = SettingsLoader.Parse("""
            argocdNamespace: gitops
            controllers:
              users: [system:serviceaccount:flux-system:*]
            adminGroups: [platform-admins]
            breakGlassGroup: oncall
            tracking:
              method: label
              labelKey: argocd.argoproj.io/instance
            """);

        Assert.Equal("gitops", settings.ArgoCdNamespace);
        Assert.True(settings.Controllers.Users.Matches("system:serviceaccount:flux-system:kustomize-controller"));
        Assert.False(settings.Controllers.Users.Matches("system:serviceaccount:argocd:argocd-application-controller"));
        Assert.True(settings.AdminGroups.Matches("platform-admins"));
        Assert.False(settings.AdminGroups.Matches("system:masters"));
        Assert.Equal("oncall", settings.BreakGlassGroup);
        Assert.Equal((TrackingMethod.Label, "argocd.argoproj.io/instance"), (settings.TrackingMethod, settings.TrackingLabel));
    }

    [Theory]
    [InlineData("tracking: {method: magic}", "tracking.method")]
    [InlineData("unknownField: 1", "unknownField")]
    public void Parse_Invalid_FormatException(string yaml, string mention)
    {
        var error = Assert.Throws<FormatException>(() => SettingsLoader.Parse(yaml));

        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
    }
}
