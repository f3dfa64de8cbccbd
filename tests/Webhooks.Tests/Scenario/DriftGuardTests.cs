using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Admission.Registration;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Webhooks.Hosting;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

/// <summary>The article's drift scenario, with real kubectl as minted users against the real webhook server.</summary>
public sealed class DriftGuardTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    [Fact]
    public async Task KubectlScale_DevTeamOnTrackedDeployment_DeniedNamingApplicationAndGitAndReplicasUnchanged()
    {
        var cancellationToken = Timeout();

        var scaled = await KubectlAsync(Users.Developer, "scale", "deployment", "web-app", "--replicas=10", "-n", Production);

        Assert.False(scaled.Succeeded, scaled.ToString());
        Assert.Contains("admission webhook \"guard.webhooks.tollgate.dev\" denied the request", scaled.Stderr, StringComparison.Ordinal);
        Assert.Contains("Argo CD Application web-app (project production)", scaled.Stderr, StringComparison.Ordinal);
        Assert.Contains($"repository {RepoUrl}, path {AppPath}, revision {Revision}", scaled.Stderr, StringComparison.Ordinal);
        Assert.Contains("Change it in Git", scaled.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Deployment.apps {Production}/web-app", scaled.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, await ReplicasAsync(cancellationToken));
    }

    [Fact]
    public async Task KubectlScale_DevTeamOnTrackedStatefulSet_DeniedFromCachedParent()
    {
        await ApplyAsAdminAsync($$"""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              namespace: {{Production}}
              labels:
                app.kubernetes.io/instance: web-app
            spec:
              replicas: 1
              serviceName: db
              selector:
                matchLabels: {app: db}
              template:
                metadata:
                  labels: {app: db}
                spec:
                  containers:
                  - {name: db, image: "postgres:16"}
            """);

        var scaled = await RetryUntilAsync(
            () => KubectlAsync(Users.Developer, "scale", "statefulset", "db", "--replicas=3", "-n", Production),
            result => !result.Succeeded);

        Assert.Contains($"StatefulSet.apps {Production}/db is managed by Argo CD Application web-app", scaled.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubectlScale_ApplicationControllerIdentity_Succeeds()
    {
        var cancellationToken = Timeout();

        var scaled = await KubectlAsync(Users.Controller, "scale", "deployment", "web-app", "--replicas=10", "-n", Production);

        Assert.True(scaled.Succeeded, scaled.ToString());
        Assert.Equal(10, await ReplicasAsync(cancellationToken));
    }

    /// <summary>workloadRef's scaleDown: the rollout controller, under its shipped RBAC, shrinks the tracked Deployment the way it does it; the same write by a person is drift.</summary>
    [Fact]
    public async Task ScaleDownPatch_RolloutsControllerAllowedDeveloperDenied()
    {
        var cancellationToken = Timeout();
        var rollouts = await Plane.ShippedIdentities.RolloutsAsync(cancellationToken);
        string[] patch = ["patch", "deployment", "web-app", "-n", Production, "--type", "merge", "-p", """{"spec":{"replicas":0}}"""];

        var human = await KubectlAsync(Users.Developer, patch);
        var controller = await KubectlAsync(rollouts, patch);

        Assert.False(human.Succeeded, human.ToString());
        Assert.Contains("is managed by Argo CD Application web-app", human.Stderr, StringComparison.Ordinal);
        Assert.True(controller.Succeeded, controller.ToString());
        Assert.Equal(0, await ReplicasAsync(cancellationToken));
    }

    [Fact]
    public async Task KubectlEditPatchApplyDeleteAndUntrack_DevTeamOnTrackedDeployment_AllDenied()
    {
        var cancellationToken = Timeout();
        var editor = Path.Combine(Path.GetTempPath(), $"tollgate-editor-{Production}.sh");
        await File.WriteAllTextAsync(editor, "#!/bin/sh\nsed -i 's/replicas: 5/replicas: 7/' \"$1\"\n", cancellationToken);
        File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var edited = await Plane.Kubectl.RunAsync(
                Users.Developer.KubeconfigPath,
                ["edit", "deployment", "web-app", "-n", Production],
                environment: new Dictionary<string, string> { ["KUBE_EDITOR"] = editor },
                cancellationToken: cancellationToken);
            var patched = await KubectlAsync(Users.Developer, "patch", "deployment", "web-app", "-n", Production, "--type", "merge", "-p", "{\"spec\":{\"replicas\":7}}");
            var applied = await ApplyAsync(Users.Developer, Fixtures.WebAppDeployment(Production, TrackingId, replicas: 7));
            var untracked = await KubectlAsync(Users.Developer, "annotate", "deployment", "web-app", "-n", Production, "argocd.argoproj.io/tracking-id-");
            var relabelled = await KubectlAsync(Users.Developer, "annotate", "--overwrite", "deployment", "web-app", "-n", Production, $"argocd.argoproj.io/tracking-id=other:apps/Deployment:{Production}/web-app");
            var deleted = await KubectlAsync(Users.Developer, "delete", "deployment", "web-app", "-n", Production, "--wait=false");

            foreach (var result in new[] { edited, patched, applied, untracked, relabelled, deleted })
            {
                Assert.False(result.Succeeded, result.ToString());
                Assert.Contains("is managed by Argo CD Application web-app (project production)", result.Stderr + result.Stdout, StringComparison.Ordinal);
            }

            Assert.Contains("removing or rewriting the tracking", untracked.Stderr, StringComparison.Ordinal);
            Assert.Contains("removing or rewriting the tracking", relabelled.Stderr, StringComparison.Ordinal);
            var stored = await Client.GetAsync<V1Deployment>("web-app", Production, cancellationToken);
            Assert.NotNull(stored);
            Assert.Equal(5, stored.Spec!.Replicas);
            Assert.Equal(TrackingId, stored.Metadata.Annotations!["argocd.argoproj.io/tracking-id"]);
        }
        finally
        {
            File.Delete(editor);
        }
    }

    [Fact]
    public async Task Registration_GuardRules_ScaleInterceptedStatusNot()
    {
        var configuration = await Client.GetAsync<V1ValidatingWebhookConfiguration>(Webhooks.ConfigurationName);
        var resources = configuration!.Webhooks!.SelectMany(w => w.Rules!).SelectMany(r => r.Resources!).ToList();
        Assert.Contains("*/scale", resources);
        Assert.DoesNotContain(resources, r => r.EndsWith("/status", StringComparison.Ordinal) || r == "*/*");
        Assert.All(configuration.Webhooks!, w => Assert.Equal("NoneOnDryRun", w.SideEffects));
        Assert.All(configuration.Webhooks!, w => Assert.True(w.TimeoutSeconds <= 5));
    }

    [Fact]
    public async Task DryRunServer_DeniedScaleAndCreate_SameMessageAndNothingStored()
    {
        var cancellationToken = Timeout();

        var real = await KubectlAsync(Users.Developer, "scale", "deployment", "web-app", "--replicas=10", "-n", Production);
        var dryRun = await KubectlAsync(Users.Developer, "scale", "deployment", "web-app", "--replicas=10", "-n", Production, "--dry-run=server");
        var dryRunCreate = await KubectlAsync(Users.Developer, "create", "configmap", "settings", "-n", Production, "--from-literal=a=b", "--dry-run=server");

        Assert.False(dryRun.Succeeded, dryRun.ToString());
        Assert.Equal(DenialLine(real.Stderr), DenialLine(dryRun.Stderr));
        Assert.False(dryRunCreate.Succeeded, dryRunCreate.ToString());
        Assert.Contains("cannot be created", dryRunCreate.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, await ReplicasAsync(cancellationToken));
        Assert.Null(await Client.GetAsync<V1ConfigMap>("settings", Production, cancellationToken));
    }

    [Fact]
    public async Task ConfigMapInProduction_NotInProjectWhitelist_DeniedAndDeploymentAllowed()
    {
        var cancellationToken = Timeout();

        var configMap = await KubectlAsync(Users.Developer, "create", "configmap", "settings", "-n", Production, "--from-literal=a=b");
        var deployment = await KubectlAsync(Users.Developer, "create", "deployment", "scratch", "-n", Production, "--image=myapp:v1.0");

        Assert.False(configMap.Succeeded, configMap.ToString());
        Assert.Contains("namespaced resource ConfigMap is not permitted in project production", configMap.Stderr, StringComparison.Ordinal);
        Assert.True(deployment.Succeeded, deployment.ToString());
        var service = await KubectlAsync(Users.Developer, "create", "service", "clusterip", "web", "-n", Production, "--tcp=80:8080");
        Assert.True(service.Succeeded, service.ToString());
        Assert.Null(await Client.GetAsync<V1ConfigMap>("settings", Production, cancellationToken));
    }

    [Fact]
    public async Task GuardedNamespace_EnforceWarnAudit_LikePodSecurityModes()
    {
        var enforce = await Plane.KubectlAsAdminAsync("label", "namespace", Production, "tollgate.dev/guard=enforce", "--overwrite");
        Assert.True(enforce.Succeeded, enforce.ToString());
        var refused = await RetryUntilAsync(
            () => KubectlAsync(Users.Developer, "create", "deployment", "refused", "-n", Production, "--image=myapp:v1.0"),
            result => !result.Succeeded);
        var controller = await KubectlAsync(Users.Controller, "create", "deployment", "synced", "-n", Production, "--image=myapp:v1.0");

        await Plane.KubectlAsAdminAsync("label", "namespace", Production, "tollgate.dev/guard=warn", "--overwrite");
        var warned = await RetryUntilAsync(
            () => KubectlAsync(Users.Developer, "create", "deployment", $"warned-{Guid.NewGuid():N}"[..20], "-n", Production, "--image=myapp:v1.0"),
            result => result.Stderr.Contains("guarded by Tollgate (warn)", StringComparison.Ordinal));

        Assert.Contains("guarded by Tollgate (enforce)", refused.Stderr, StringComparison.Ordinal);
        Assert.True(controller.Succeeded, controller.ToString());
        Assert.True(warned.Succeeded, warned.ToString());
    }

    [Fact]
    public async Task GuardedNamespace_HumanRemovesGuardLabel_DeniedAdminMay()
    {
        var role = $"tollgate-test-ns-{Production}";
        await ApplyAsAdminAsync($$"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: {{role}}
            rules:
            - apiGroups: [""]
              resources: [namespaces]
              verbs: [get, list, patch, update]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: {{role}}
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: ClusterRole
              name: {{role}}
            subjects:
            - apiGroup: rbac.authorization.k8s.io
              kind: Group
              name: platform-team
            """);
        try
        {
            await Plane.KubectlAsAdminAsync("label", "namespace", Production, "tollgate.dev/guard=enforce", "--overwrite");

            var unguarded = await KubectlAsync(Users.Platform, "label", "namespace", Production, "tollgate.dev/guard-");
            var admin = await Plane.KubectlAsAdminAsync("label", "namespace", Production, "tollgate.dev/guard-");

            Assert.False(unguarded.Succeeded, unguarded.ToString());
            Assert.Contains($"namespace {Production} is guarded by Tollgate (enforce)", unguarded.Stderr, StringComparison.Ordinal);
            Assert.True(admin.Succeeded, admin.ToString());
            Assert.Contains("admin group", admin.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await Plane.KubectlAsAdminAsync("delete", "clusterrolebinding,clusterrole", role, "--ignore-not-found");
        }
    }

    [Fact]
    public async Task WebhookServerStopped_GuardedWritesFailClosed_KubeSystemStillWritable()
    {
        var cancellationToken = Timeout();
        var shipped = $"tollgate-test-shipped-{Production}";
        var installer = new WebhookConfigurationInstaller(Client, NullLogger<WebhookConfigurationInstaller>.Instance);
        var baseAddress = Webhooks.BaseAddress;
        await Webhooks.StopServerAsync();
        try
        {
            // The shipped selector: everything but kube-system and tollgate-system, pointing at the stopped server.
            await installer.InstallAsync(
                Webhooks.Registered,
                WebhookHost.InstallOptions(shipped, baseAddress, Webhooks.CaBundle, WebhookHost.ExcludingNamespaces(["kube-system", "tollgate-system"])),
                cancellationToken);
            var scaled = await RetryUntilAsync(
                () => KubectlAsync(Users.Controller, "scale", "deployment", "web-app", "--replicas=10", "-n", Production),
                result => !result.Succeeded);
            var adminWrite = await Plane.KubectlAsAdminAsync("create", "configmap", "blocked", "-n", Production);
            var kubeSystem = await Plane.KubectlAsAdminAsync("create", "configmap", $"tollgate-probe-{Production}", "-n", "kube-system");

            Assert.Contains("failed calling webhook", scaled.Stderr, StringComparison.Ordinal);
            Assert.False(adminWrite.Succeeded, adminWrite.ToString());
            Assert.True(kubeSystem.Succeeded, kubeSystem.ToString());
            Assert.Equal(5, await ReplicasAsync(cancellationToken));
        }
        finally
        {
            await installer.UninstallAsync(shipped, cancellationToken);
            await Plane.KubectlAsAdminAsync("delete", "configmap", $"tollgate-probe-{Production}", "-n", "kube-system", "--ignore-not-found");
        }
    }

    private static string DenialLine(string stderr) =>
        stderr.Split('\n').First(line => line.Contains("denied the request", StringComparison.Ordinal)).Trim();
}
