using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Testing;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>
/// Argo CD's API rules for Application and AppProject writes, with real kubectl and minted users. The project
/// <c>precise</c> grants platform-team exactly the application actions each test lists, so a denial names the one
/// grant that is missing.
/// </summary>
public sealed class ArgoApiRulesTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task ProjectMove_WithoutCreateInNewProject_DeniedUntilGranted()
    {
        await ApplyAsAdminAsync(PreciseProject("update"));
        var move = "{\"spec\":{\"project\":\"precise\"}}";

        var denied = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "web-app", "-n", ArgoCd, "--type", "merge", "-p", move, "--dry-run=server"),
            result => result.Stderr.Contains("may not create applications 'precise/web-app'", StringComparison.Ordinal));
        await ApplyAsAdminAsync(PreciseProject("update", "create"));
        var allowed = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "web-app", "-n", ArgoCd, "--type", "merge", "-p", move),
            result => result.Succeeded);
        var back = await KubectlAsync(Users.Developer, "patch", "application", "web-app", "-n", ArgoCd, "--type", "merge", "-p", "{\"spec\":{\"project\":\"production\"}}");

        Assert.False(denied.Succeeded, denied.ToString());
        Assert.Contains("moving an application from project production to precise needs update in both and create in precise", denied.Stderr, StringComparison.Ordinal);
        Assert.True(allowed.Succeeded, allowed.ToString());
        Assert.Equal("precise", (await Client.GetAsync<Application>("web-app", ArgoCd, Timeout()))?.Spec.Project);
        Assert.False(back.Succeeded, back.ToString());
        Assert.Contains("dev-user may not update applications 'precise/web-app'", back.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlCreate_CarryingOperation_NeedsSyncAsWellAsCreate()
    {
        await ApplyAsAdminAsync(PreciseProject("create"));
        var withOperation = ManualApplication("born-syncing", operation: "operation:\n  sync:\n    revision: main\n");

        var denied = await RetryUntilAsync(
            () => ApplyAsync(Users.Platform, withOperation),
            result => result.Stderr.Contains("may not sync applications 'precise/born-syncing'", StringComparison.Ordinal));
        var plain = await ApplyAsync(Users.Platform, ManualApplication("born-plain"));
        await ApplyAsAdminAsync(PreciseProject("create", "sync"));
        var allowed = await RetryUntilAsync(() => ApplyAsync(Users.Platform, withOperation), result => result.Succeeded);

        Assert.False(denied.Succeeded, denied.ToString());
        Assert.Contains("Argo CD's API drops .operation from a created application", denied.Stderr, StringComparison.Ordinal);
        Assert.True(plain.Succeeded, plain.ToString());
        Assert.True(allowed.Succeeded, allowed.ToString());
    }

    [Fact]
    public async Task KubectlPatch_SyncWithLocalManifests_NeedsOverride()
    {
        await ApplyAsAdminAsync(PreciseProject("sync"));
        await ApplyAsAdminAsync(ManualApplication("local"));
        const string local = "{\"operation\":{\"sync\":{\"manifests\":[\"apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\n\"]}}}";
        const string plain = "{\"operation\":{\"sync\":{\"revision\":\"main\"}}}";

        var denied = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "local", "-n", ArgoCd, "--type", "merge", "-p", local, "--dry-run=server"),
            result => result.Stderr.Contains("may not override applications 'precise/local'", StringComparison.Ordinal));
        var synced = await KubectlAsync(Users.Platform, "patch", "application", "local", "-n", ArgoCd, "--type", "merge", "-p", plain, "--dry-run=server");
        await ApplyAsAdminAsync(PreciseProject("sync", "override"));
        var allowed = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "local", "-n", ArgoCd, "--type", "merge", "-p", local, "--dry-run=server"),
            result => result.Succeeded);

        Assert.False(denied.Succeeded, denied.ToString());
        Assert.Contains("a sync with local manifests (.operation.sync.manifests) needs override as well as sync", denied.Stderr, StringComparison.Ordinal);
        Assert.True(synced.Succeeded, synced.ToString());
        Assert.True(allowed.Succeeded, allowed.ToString());
    }

    [Fact]
    public async Task KubectlPatch_SpecChangeAndOperationTogether_NeedsUpdateAndSync()
    {
        await ApplyAsAdminAsync(PreciseProject("update"));
        await ApplyAsAdminAsync(ManualApplication("both"));
        const string both = "{\"spec\":{\"source\":{\"path\":\"apps/web-app-v2\"}},\"operation\":{\"sync\":{\"revision\":\"main\"}}}";

        // dev-user holds sync (project role developer) but not update in production.
        var developer = await KubectlAsync(Users.Developer, "patch", "application", "web-app", "-n", ArgoCd, "--type", "merge", "-p", both, "--dry-run=server");
        var platform = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "both", "-n", ArgoCd, "--type", "merge", "-p", both, "--dry-run=server"),
            result => result.Stderr.Contains("may not sync applications 'precise/both'", StringComparison.Ordinal));
        await ApplyAsAdminAsync(PreciseProject("update", "sync"));
        var allowed = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "both", "-n", ArgoCd, "--type", "merge", "-p", both),
            result => result.Succeeded);

        Assert.False(developer.Succeeded, developer.ToString());
        Assert.Contains("dev-user may not update applications 'production/web-app'", developer.Stderr, StringComparison.Ordinal);
        Assert.False(platform.Succeeded, platform.ToString());
        Assert.True(allowed.Succeeded, allowed.ToString());
        var stored = await Client.GetAsync<Application>("both", ArgoCd, Timeout());
        Assert.Equal("apps/web-app-v2", stored?.Spec.Source?.Path);
        Assert.NotNull(stored?.Operation);
    }

    [Fact]
    public async Task ArgoCdCm_RequireOverrideForRevisionSync_EffectiveWithoutRestart()
    {
        await ApplyAsAdminAsync(PreciseProject("sync"));
        await ApplyAsAdminAsync(ManualApplication("pinned"));
        const string feature = "{\"operation\":{\"sync\":{\"revision\":\"feature-x\"}}}";

        var before = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "pinned", "-n", ArgoCd, "--type", "merge", "-p", feature, "--dry-run=server"),
            result => result.Succeeded);
        await ApplyAsAdminAsync(ArgoCdCm("\"true\""));
        var required = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "pinned", "-n", ArgoCd, "--type", "merge", "-p", feature, "--dry-run=server"),
            result => !result.Succeeded);
        var target = await KubectlAsync(Users.Platform, "patch", "application", "pinned", "-n", ArgoCd, "--type", "merge", "-p", "{\"operation\":{\"sync\":{\"revision\":\"main\"}}}", "--dry-run=server");
        // An automated application may not be synced to another revision at all, override or not.
        var automated = await KubectlAsync(Users.Platform, "patch", "application", "web-app", "-n", ArgoCd, "--type", "merge", "-p", feature, "--dry-run=server");
        await ApplyAsAdminAsync(ArgoCdCm("\"maybe\""));
        var malformed = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "pinned", "-n", ArgoCd, "--type", "merge", "-p", "{\"operation\":{\"sync\":{\"revision\":\"main\"}}}", "--dry-run=server"),
            result => !result.Succeeded);

        Assert.True(before.Succeeded, before.ToString());
        Assert.False(required.Succeeded, required.ToString());
        Assert.Contains("platform-user may not override applications 'precise/pinned'", required.Stderr, StringComparison.Ordinal);
        Assert.Contains("a sync to revision feature-x (.operation.sync.revision) other than the target revision main needs override", required.Stderr, StringComparison.Ordinal);
        Assert.True(target.Succeeded, target.ToString());
        Assert.False(malformed.Succeeded, malformed.ToString());
        Assert.Contains("parsing \"maybe\": invalid syntax", malformed.Stderr, StringComparison.Ordinal);
        Assert.False(automated.Succeeded, automated.ToString());
        Assert.Contains("Cannot sync to feature-x: auto-sync currently set to main", automated.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlApply_ProjectRoleGroupWithTrailingSpace_RefusedAsArgoCdRefusesIt()
    {
        var spaced = PreciseProject("sync").Replace("- platform-team", "- 'platform-team '", StringComparison.Ordinal);

        var admin = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: spaced);
        var platform = await ApplyAsync(Users.Platform, spaced);
        var valid = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: PreciseProject("sync"));
        var platformEdit = await ApplyAsync(Users.Platform, PreciseProject("sync", "create"));

        Assert.False(admin.Succeeded, admin.ToString());
        Assert.Contains("Argo CD refuses AppProject precise: group 'platform-team' contains a trailing space", admin.Stderr, StringComparison.Ordinal);
        Assert.False(platform.Succeeded, platform.ToString());
        Assert.Contains("contains a trailing space", platform.Stderr, StringComparison.Ordinal);
        Assert.True(valid.Succeeded, valid.ToString());
        Assert.False(platformEdit.Succeeded, platformEdit.ToString());
        Assert.Contains("platform-user may not update projects 'precise'", platformEdit.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlSync_DuringDenyWindow_RefusedNamingTheWindowAndCounted()
    {
        await ApplyAsAdminAsync(WithWindow(PreciseProject("sync"), "deny", "* * * * *", manualSync: false));
        var stored = await RetryUntilAsync(
            () => Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: ManualApplication("windowed")),
            result => result.Succeeded);
        Assert.True(stored.Succeeded, stored.ToString());
        const string sync = "{\"operation\":{\"sync\":{\"revision\":\"main\"}}}";

        var denied = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "windowed", "-n", ArgoCd, "--type", "merge", "-p", sync, "--dry-run=server"),
            result => result.Stderr.Contains("blocked by sync window", StringComparison.Ordinal));
        var admin = await Plane.KubectlAsAdminAsync("patch", "application", "windowed", "-n", ArgoCd, "--type", "merge", "-p", sync, "--dry-run=server");
        await ApplyAsAdminAsync(WithWindow(PreciseProject("sync"), "deny", "* * * * *", manualSync: true));
        var manual = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "windowed", "-n", ArgoCd, "--type", "merge", "-p", sync, "--dry-run=server"),
            result => result.Succeeded);
        // Argo CD's API (and Tollgate) refuse storing an invalid window; one stored anyway (here by a system identity,
        // which Tollgate never checks) refuses every sync.
        var invalidProject = WithWindow(PreciseProject("sync"), "allow", "0 25 * * *", manualSync: true);
        var refusedWrite = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: invalidProject);
        var system = await Plane.MintUserAsync("system:serviceaccount:kube-system:tollgate-test-writer", ["platform-team"], Timeout());
        var storedBySystem = await ApplyAsync(system, invalidProject);
        var invalid = await RetryUntilAsync(
            () => KubectlAsync(Users.Platform, "patch", "application", "windowed", "-n", ArgoCd, "--type", "merge", "-p", sync, "--dry-run=server"),
            result => !result.Succeeded);

        Assert.False(denied.Succeeded, denied.ToString());
        Assert.Contains("Argo CD refuses this sync in project precise: cannot sync: blocked by sync window: deny window #0 (schedule '* * * * *', duration 1h, timeZone Europe/Paris) is active until", denied.Stderr, StringComparison.Ordinal);
        Assert.False(admin.Succeeded, admin.ToString());
        Assert.True(manual.Succeeded, manual.ToString());
        Assert.False(refusedWrite.Succeeded, refusedWrite.ToString());
        Assert.Contains("Argo CD refuses AppProject precise: cannot parse schedule '0 25 * * *'", refusedWrite.Stderr, StringComparison.Ordinal);
        Assert.True(storedBySystem.Succeeded, storedBySystem.ToString());
        Assert.Contains("cannot parse schedule '0 25 * * *': end of range (25) above maximum (23)", invalid.Stderr, StringComparison.Ordinal);
        var refusals = Webhooks.ScrapeMetrics().Split('\n').Where(line => line.StartsWith("tollgate_sync_window_refusals_total{", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, line => line.Contains("kind=\"deny\"", StringComparison.Ordinal) && line.Contains("project=\"precise\"", StringComparison.Ordinal) && line.Contains("window=\"0\"", StringComparison.Ordinal));
        Assert.Contains(refusals, line => line.Contains("kind=\"invalid\"", StringComparison.Ordinal) && line.Contains("project=\"precise\"", StringComparison.Ordinal));
    }

    private static string WithWindow(string project, string kind, string schedule, bool manualSync) =>
        project.Replace("  roles:\n", $"""
              syncWindows:
              - kind: {kind}
                schedule: '{schedule}'
                duration: 1h
                timeZone: Europe/Paris
                manualSync: {(manualSync ? "true" : "false")}
                namespaces: ['*']
              roles:

            """, StringComparison.Ordinal);

    private string PreciseProject(params string[] actions) => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: precise
          namespace: {ArgoCd}
        spec:
          sourceRepos:
          - {RepoUrl}
          destinations:
          - namespace: {Production}
            server: https://kubernetes.default.svc
          roles:
          - name: team
            policies:
        {string.Join("\n", actions.Select(action => $"    - p, proj:precise:team, applications, {action}, precise/*, allow"))}
            groups:
            - platform-team
        """;

    /// <summary>An Application of project precise without automated sync.</summary>
    private string ManualApplication(string name, string operation = "") => $"""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: {name}
          namespace: {ArgoCd}
        spec:
          project: precise
          source:
            repoURL: {RepoUrl}
            targetRevision: {Revision}
            path: {AppPath}
          destination:
            server: https://kubernetes.default.svc
            namespace: {Production}
        {operation}
        """;

    private string ArgoCdCm(string value) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: argocd-cm
          namespace: {ArgoCd}
        data:
          application.sync.requireOverridePrivilegeForRevisionSync: {value}
        """;
}
