using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>Tollgate's own settings ConfigMap is watched: a change applies without a restart, a malformed one changes nothing.</summary>
public sealed class LiveSettingsTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    protected override string? SettingsConfigMap => $"{Production}/tollgate-settings";

    protected override Task ConfigureAsync(CancellationToken cancellationToken) => ApplyAsAdminAsync(Settings("[system:masters]"));

    [Fact]
    public async Task SettingsConfigMap_AdminGroupsChanged_EffectiveWithoutRestartAndMalformedKept()
    {
        var before = await KubectlAsync(Users.Developer, "delete", "application", "web-app", "-n", ArgoCd, "--dry-run=server");
        await ApplyAsAdminAsync(Settings("[system:masters, dev-team]"));
        var admin = await RetryUntilAsync(
            () => KubectlAsync(Users.Developer, "delete", "application", "web-app", "-n", ArgoCd, "--dry-run=server"),
            result => result.Succeeded);
        await ApplyAsAdminAsync(Settings("[system:masters]", extra: "unknownField: true\n"));
        var malformed = await KubectlAsync(Users.Developer, "delete", "application", "web-app", "-n", ArgoCd, "--dry-run=server");
        await ApplyAsAdminAsync(Settings("[system:masters]"));
        var after = await RetryUntilAsync(
            () => KubectlAsync(Users.Developer, "delete", "application", "web-app", "-n", ArgoCd, "--dry-run=server"),
            result => !result.Succeeded);

        Assert.False(before.Succeeded, before.ToString());
        Assert.True(admin.Succeeded, admin.ToString());
        Assert.Contains("allowed only because dev-user is in an admin group", admin.Stderr, StringComparison.Ordinal);
        Assert.True(malformed.Succeeded, malformed.ToString());
        Assert.False(after.Succeeded, after.ToString());
        Assert.Contains("dev-user may not delete applications 'production/web-app'", after.Stderr, StringComparison.Ordinal);
    }

    private string Settings(string adminGroups, string extra = "") => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: tollgate-settings
          namespace: {Production}
        data:
          settings.yaml: |
            argocdNamespace: {ArgoCd}
            adminGroups: {adminGroups}
        {(extra.Length == 0 ? "" : "    " + extra)}
        """;
}
